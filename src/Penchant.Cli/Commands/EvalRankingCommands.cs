using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Penchant.Cli.Evaluation;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Embeddings;
using Penchant.Learning.Ranking;
using Penchant.Numerics;
using Penchant.Ranking;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant eval ranking --cases FILE</c>: each case's user states preferences, then the engine ranks the candidates;
/// a hit is the expected best candidate ranked first.
/// </summary>
internal sealed class EvalRankingCommand : CliCommand
{
    private readonly Option<string> _cases = new("--cases") { Description = "JSONL of {\"id\", \"statements\", \"request\", \"candidates\", \"best\"}", Required = true, HelpName = "FILE" };
    private readonly Option<bool> _verbose = new("--verbose") { Description = "Print every case whose top candidate is wrong" };

    public EvalRankingCommand(GlobalOptions globals, CliEnvironment environment)
        : base("ranking", "Score ranking from stated preferences: accuracy of the top candidate", globals, environment)
    {
        Options.Add(_cases);
        Options.Add(_verbose);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string file = context.ParseResult.GetValue(_cases)!;
        var cases = new List<(string Id, List<string> Statements, string Request, List<string> Candidates, int Best)>();
        await using (FileStream stream = InputFiles.OpenRead(file))
        {
            using var reader = new StreamReader(stream);
            int number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                RankingCaseLine? item;
                try
                {
                    item = JsonSerializer.Deserialize(line, RankingEvalJsonContext.Default.RankingCaseLine);
                }
                catch (JsonException exception)
                {
                    throw new CliInputException($"{file}:{number}: {JsonLines.Reason(exception)}", exception);
                }

                if (item is not { Request: { Length: > 0 } request, Candidates: { Count: > 0 } candidates, Best: { } best } || best < 0 || best >= candidates.Count)
                {
                    throw new CliInputException($"{file}:{number}: a case needs \"request\", \"candidates\" and \"best\" (an index into the candidates).");
                }

                var statements = new List<string>();
                foreach (JsonElement s in item.Statements ?? [])
                {
                    string? text = s.ValueKind == JsonValueKind.String ? s.GetString()
                        : s.ValueKind == JsonValueKind.Object && s.TryGetProperty("text", out JsonElement t) ? t.GetString() : null;
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        statements.Add(text);
                    }
                }

                cases.Add((item.Id ?? $"line {number}", statements, request, candidates, best));
            }
        }

        if (cases.Count == 0)
        {
            throw new CliInputException($"{file} holds no cases.");
        }

        await using EvalStore store = EvalStore.Open(context);
        IPenchant engine = store.Host.Engine;
        string run = Guid.NewGuid().ToString("N")[..8];
        int right = 0;
        TextWriter output = context.Environment.Output;
        for (int i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            UserKey user = UserKey.Create(context.Tenant, $"eval-ranking-{run}-{i}");
            foreach (string statement in c.Statements)
            {
                await engine.RememberAsync(user, new Statement(statement), cancellationToken);
            }

            CandidateRanking ranking = await engine.RankAsync(user, new RequestContext(c.Request), c.Candidates, cancellationToken);
            bool hit = ranking.Best!.Index == c.Best;
            right += hit ? 1 : 0;
            if (!hit && context.ParseResult.GetValue(_verbose))
            {
                await output.WriteLineAsync($"miss {c.Id}: chose [{ranking.Best.Index}] {ranking.Best.Text} | expected [{c.Best}] {c.Candidates[c.Best]}");
            }

            await engine.ForgetUserAsync(user, cancellationToken);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ranking: n={cases.Count} accuracy={(double)right / cases.Count:0.000}"));
        return ExitCodes.Success;
    }
}

/// <summary>
/// <c>penchant eval pairs [--data DIR] [--train a,b] [--test c] [--limit N]</c>: a population Bradley–Terry model trained on
/// some HH-RLHF splits and tested on another: pairwise accuracy and expected calibration error.
/// </summary>
internal sealed class EvalPairsCommand : CliCommand
{
    private readonly Option<string?> _data = HhOptions.Data();
    private readonly Option<string[]> _train = HhOptions.Splits("--train", "helpful-base,helpful-rejection-sampled");
    private readonly Option<string> _test = new("--test") { Description = "The test split", DefaultValueFactory = static _ => "helpful-online", HelpName = "SPLIT" };
    private readonly Option<int> _limit = new("--limit") { Description = "Pairs read from each split", DefaultValueFactory = static _ => 600, HelpName = "N" };
    private readonly Option<int> _seed = new("--seed") { Description = "The random seed", DefaultValueFactory = static _ => 17, HelpName = "S" };

    public EvalPairsCommand(GlobalOptions globals, CliEnvironment environment)
        : base("pairs", "Train the population reward model on HH-RLHF splits and test on another: accuracy and calibration (ECE)", globals, environment)
    {
        Options.Add(_data);
        Options.Add(_train);
        Options.Add(_test);
        Options.Add(_limit);
        Options.Add(_seed);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        string directory = HhRlhfData.ResolveDirectory(parse.GetValue(_data));
        int limit = parse.GetValue(_limit);
        var train = new List<HhPair>();
        foreach (string split in parse.GetValue(_train)!)
        {
            train.AddRange(await HhRlhfData.ReadAsync(directory, split, limit, cancellationToken));
        }

        List<HhPair> test = await HhRlhfData.ReadAsync(directory, parse.GetValue(_test)!, limit, cancellationToken);
        using var embeddings = new MiniLmEmbeddingGenerator(context.Embeddings);
        Dictionary<string, float[]> vectors = await HhRlhfData.EmbedAsync(
            embeddings, train.Concat(test).SelectMany(static p => (string[])[p.Prompt, p.Chosen, p.Rejected]), cancellationToken);
        List<PairSample> Samples(List<HhPair> pairs) =>
            [.. pairs.Select(p => new PairSample(-1, HhRlhfData.Features(vectors, p.Prompt, p.Chosen), HhRlhfData.Features(vectors, p.Prompt, p.Rejected)))];

        int dimensions = vectors.Values.First().Length;
        var options = new TrainerOptions { Prototypes = 0, Seed = parse.GetValue(_seed), Epochs = 10, LearningRate = 0.002, L2 = 1e-3 };
        (RewardModel model, _) = RankingTrainer.Train(Samples(train), 0, dimensions, options, cancellationToken);

        // Score each test pair in a random orientation, so that calibration is measured on both sides of 0.5.
        var random = new Random(parse.GetValue(_seed));
        var probabilities = new List<double>();
        var outcomes = new List<double>();
        int right = 0;
        foreach (PairSample s in Samples(test))
        {
            double p = RankingTrainer.Sigmoid(RankingTrainer.Logit(model, null, s.Preferred, s.Rejected));
            right += p > 0.5 ? 1 : 0;
            bool flip = random.Next(2) == 1;
            probabilities.Add(flip ? 1 - p : p);
            outcomes.Add(flip ? 0 : 1);
        }

        double accuracy = (double)right / Math.Max(1, test.Count);
        double ece = Calibration.ExpectedCalibrationError(probabilities, outcomes);
        await context.Environment.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"train: {string.Join(",", parse.GetValue(_train)!)} ({train.Count} pairs); test: {parse.GetValue(_test)}; temperature {model.Temperature:0.000}"));
        await context.Environment.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"pairs: n={test.Count} accuracy={accuracy:0.000} ece={ece:0.000}"));
        return ExitCodes.Success;
    }
}
