using System.CommandLine;
using System.Globalization;
using Penchant.Cli.Infrastructure;
using Penchant.Evaluation.Evaluators;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval extraction [--cases FILE] [--verbose]</c>: says each case's turn as a fresh user and scores the
/// preferences it yields against the wishes it states (one preference per wish, with its scope; filler and questions yield
/// none); one summary line for the tune split and one for the holdout split, holdout last.
/// </summary>
internal sealed class EvalExtractionCommand : CliCommand
{
    private readonly Option<string> _cases = new("--cases")
    {
        Description = "JSON Lines of {\"id\", \"domain\", \"split\", \"kind\", \"before\"?, \"turn\", \"wishes\": [{\"text\", \"scope\"?}]}",
        HelpName = "FILE",
        DefaultValueFactory = static _ => Path.Combine("eval", "extraction", "cases.jsonl"),
    };

    private readonly Option<bool> _verbose = new("--verbose") { Description = "Print every case whose preferences differ from its wishes" };

    public EvalExtractionCommand(GlobalOptions globals, CliEnvironment environment)
        : base("extraction", "Score extraction into atomic preferences: precision and recall of extracted wishes, tune and holdout", globals, environment)
    {
        Options.Add(_cases);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string file = context.ParseResult.GetValue(_cases)!;
        bool verbose = context.ParseResult.GetValue(_verbose);
        TextWriter output = context.Environment.Output;
        await using EvalStore store = EvalStore.Open(context);
        var lines = new List<string>();
        foreach (string split in (string[])["tune", "holdout"])
        {
            IReadOnlyList<ExtractionCase> cases = await ExtractionEvaluator.ReadCasesAsync(file, split, cancellationToken);
            if (cases.Count == 0)
            {
                throw new CliInputException($"{file} has no cases in split '{split}'.");
            }

            ExtractionReport report = await ExtractionEvaluator.RunAsync(store.Host.Engine, context.Tenant, cases, cancellationToken);
            if (verbose)
            {
                foreach ((ExtractionCase c, IReadOnlyList<string> got) in report.Misses)
                {
                    await output.WriteLineAsync($"{c.Id} ({c.Kind}): {c.Turn}");
                    await output.WriteLineAsync($"  expected: {string.Join(" | ", c.Wishes.Select(static w => w.Scope is null ? w.Text : $"{w.Text} [scope: {w.Scope}]"))}");
                    await output.WriteLineAsync($"  got:      {string.Join(" | ", got)}");
                }
            }

            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"extraction: split={split} n={report.Cases} extracted={report.Extracted} expected={report.Expected} precision={report.Precision:0.000} recall={report.Recall:0.000} f1={report.F1:0.000}"));
        }

        foreach (string line in lines)
        {
            await output.WriteLineAsync(line);
        }

        return ExitCodes.Success;
    }
}
