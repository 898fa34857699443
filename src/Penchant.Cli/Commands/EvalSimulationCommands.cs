using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Embeddings;
using Penchant.Evaluation;
using Penchant.Evaluation.Datasets;
using Penchant.Evaluation.Simulations;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval pluralistic [--data DIR] [--splits a,b] [--limit N] [--seed S | --seeds a,b]</c>: the pluralistic-taste
/// simulation over real responses; <c>--seeds</c> runs it once per seed over one embedding pass and ends with the mean gap.
/// </summary>
internal sealed class EvalPluralisticCommand : CliCommand
{
    private readonly Option<string?> _data = HhOptions.Data();
    private readonly Option<string[]> _splits = HhOptions.Splits("--splits", "helpful-base,helpful-online");
    private readonly Option<int> _limit = new("--limit") { Description = "Pairs read from each split", DefaultValueFactory = static _ => 250, HelpName = "N" };
    private readonly Option<int> _users = new("--users-per-taste") { Description = "Simulated users of each taste (seen and new alike)", DefaultValueFactory = static _ => 8, HelpName = "U" };
    private readonly Option<int> _prototypes = new("--prototypes") { Description = "Prototypes of the mixture model", DefaultValueFactory = static _ => 8, HelpName = "K" };
    private readonly Option<int> _seed = new("--seed") { Description = "The random seed", DefaultValueFactory = static _ => 17, HelpName = "S" };
    private readonly Option<string> _labels = HhOptions.Labels();
    private readonly Option<string?> _icai = HhOptions.Icai();
    private readonly Option<int[]> _seeds = new("--seeds")
    {
        Description = "Several seeds, comma-separated: one simulation each over the same responses, then the mean gap to the oracle",
        HelpName = "a,b",
        CustomParser = EvalOptions.CommaSeparatedIntegers,
    };

    public EvalPluralisticCommand(GlobalOptions globals, CliEnvironment environment)
        : base("pluralistic", "Simulate users with opposite tastes comparing real responses: global vs independent vs prototype-mixture models, oracle as ceiling", globals, environment)
    {
        Options.Add(_data);
        Options.Add(_splits);
        Options.Add(_limit);
        Options.Add(_users);
        Options.Add(_prototypes);
        Options.Add(_seed);
        Options.Add(_seeds);
        Options.Add(_labels);
        Options.Add(_icai);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        string directory = HhRlhfData.ResolveDirectory(parse.GetValue(_data));
        using var embeddings = new MiniLmEmbeddingGenerator(context.Embeddings);
        if (parse.GetValue(_labels) == HhOptions.DataLabels)
        {
            string icai = IcaiData.ResolveDirectory(parse.GetValue(_icai));
            var (sources, sourceDimensions) = await LabelledPool.SourcesAsync(embeddings, icai, directory, parse.GetValue(_splits)!, parse.GetValue(_limit), cancellationToken);
            var labelled = new PluralisticSettings { Seed = parse.GetValue(_seed), UsersPerTaste = parse.GetValue(_users), Prototypes = parse.GetValue(_prototypes) };
            LabelledTasteSimulation.Write(context.Environment.Output, LabelledTasteSimulation.Run(sources, sourceDimensions, labelled, cancellationToken));
            return ExitCodes.Success;
        }

        var (pairs, dimensions) = await ResponsePool.PairsAsync(embeddings, directory, parse.GetValue(_splits)!, parse.GetValue(_limit), cancellationToken);
        int[] seeds = parse.GetValue(_seeds) is { Length: > 0 } many ? many : [parse.GetValue(_seed)];
        var reports = new List<(int Seed, PluralisticReport Report)>();
        foreach (int seed in seeds)
        {
            var settings = new PluralisticSettings { Seed = seed, UsersPerTaste = parse.GetValue(_users), Prototypes = parse.GetValue(_prototypes) };
            PluralisticReport report = PluralisticSimulation.Run(pairs, dimensions, settings, cancellationToken);
            if (seeds.Length > 1)
            {
                await context.Environment.Output.WriteLineAsync($"seed {seed}:");
            }

            PluralisticSimulation.Write(context.Environment.Output, report);
            reports.Add((seed, report));
        }

        if (seeds.Length > 1)
        {
            PluralisticSimulation.WriteSeeds(context.Environment.Output, reports);
        }

        return ExitCodes.Success;
    }
}

/// <summary><c>penchant eval cyclic [--data DIR] [--splits a,b] [--limit N] [--skew M] [--seed S]</c>: intransitive preferences, Bradley–Terry vs the skew-symmetric head.</summary>
internal sealed class EvalCyclicCommand : CliCommand
{
    private readonly Option<string?> _data = HhOptions.Data();
    private readonly Option<string[]> _splits = HhOptions.Splits("--splits", "helpful-base,helpful-online");
    private readonly Option<int> _limit = new("--limit") { Description = "Pairs read from each split (two responses each)", DefaultValueFactory = static _ => 300, HelpName = "N" };
    private readonly Option<string> _labels = HhOptions.Labels();
    private readonly Option<string?> _icai = HhOptions.Icai();
    private readonly Option<int> _skew = new("--skew") { Description = "Rotation blocks of the skew-symmetric head", DefaultValueFactory = static _ => 2, HelpName = "M" };
    private readonly Option<int> _seed = new("--seed") { Description = "The random seed", DefaultValueFactory = static _ => 17, HelpName = "S" };

    public EvalCyclicCommand(GlobalOptions globals, CliEnvironment environment)
        : base("cyclic", "Cyclic preferences (A over B over C over A) on real responses: Bradley-Terry vs the skew-symmetric head", globals, environment)
    {
        Options.Add(_data);
        Options.Add(_splits);
        Options.Add(_limit);
        Options.Add(_skew);
        Options.Add(_seed);
        Options.Add(_labels);
        Options.Add(_icai);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        string directory = HhRlhfData.ResolveDirectory(parse.GetValue(_data));
        using var embeddings = new MiniLmEmbeddingGenerator(context.Embeddings);
        if (parse.GetValue(_labels) == HhOptions.DataLabels)
        {
            string icai = IcaiData.ResolveDirectory(parse.GetValue(_icai));
            var (grouped, groups, groupDimensions) = await LabelledPool.ResponsesAsync(embeddings, icai, directory, parse.GetValue(_splits)!, parse.GetValue(_limit), cancellationToken);
            if (groups.Count != 3)
            {
                throw new EvaluationInputException($"--labels data cycles over three sources: give two --splits (the third is ICAI); got {groups.Count - 1}.");
            }

            await context.Environment.Output.WriteLineAsync($"groups (each preferred to the next, the last to the first): {string.Join(" > ", groups)}");
            CyclicSimulation.Write(context.Environment.Output, CyclicSimulation.RunGrouped(grouped, groupDimensions, 3000, 1000, parse.GetValue(_skew), parse.GetValue(_seed), cancellationToken));
            return ExitCodes.Success;
        }

        var (responses, dimensions) = await ResponsePool.ResponsesAsync(embeddings, directory, parse.GetValue(_splits)!, parse.GetValue(_limit), cancellationToken);
        CyclicReport report = CyclicSimulation.Run(responses, dimensions, 3000, 1000, parse.GetValue(_skew), parse.GetValue(_seed), cancellationToken);
        CyclicSimulation.Write(context.Environment.Output, report);
        return ExitCodes.Success;
    }
}

/// <summary>Options shared by the HH-RLHF evaluations.</summary>
internal static class HhOptions
{
    public static Option<string?> Data() => new("--data")
    {
        Description = $"The HH-RLHF folder, or a data folder holding hh-rlhf/ [default: {HhRlhfData.DefaultDirectory}]",
        HelpName = "DIR",
    };

    /// <summary>The value of <c>--labels</c> that takes labels from the data sets' own annotation.</summary>
    public const string DataLabels = "data";

    /// <summary>Where the simulations' labels come from: the data's own annotation (default) or the planted surface-factor utility.</summary>
    public static Option<string> Labels()
    {
        var option = new Option<string>("--labels")
        {
            Description = "Where labels come from: data (ICAI principle labels and their flips, HH-RLHF's chosen responses; train and test pairs disjoint) or planted (a utility over the surface factors the model reads, the earlier evaluation)",
            DefaultValueFactory = static _ => DataLabels,
            HelpName = "data|planted",
        };
        option.AcceptOnlyFromAmong(DataLabels, "planted");
        return option;
    }

    /// <summary>The ICAI folder for <c>--labels data</c>.</summary>
    public static Option<string?> Icai() => new("--icai")
    {
        Description = $"The ICAI folder, or a data folder holding icai/ (used with --labels data) [default: {IcaiData.DefaultDirectory}]",
        HelpName = "DIR",
    };

    public static Option<string[]> Splits(string name, string defaults) => new(name)
    {
        Description = $"Splits, comma-separated [default: {defaults}]",
        HelpName = "a,b",
        DefaultValueFactory = _ => defaults.Split(','),
        CustomParser = EvalOptions.CommaSeparated,
    };
}
