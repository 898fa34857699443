using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Embeddings;
using Penchant.Evaluation.Evaluators;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant train reactions [--cases FILE] [--split tune] [--out FILE]</c>: trains the learned reaction classifier on the
/// labelled follow-ups of a split (MiniLM Float32) and writes its weights with their provenance; the shipped model is
/// <c>src/Penchant/Learning/Feedback/Models/reaction-model.json</c>.
/// </summary>
internal sealed class TrainReactionsCommand : CliCommand
{
    private readonly Option<string> _cases = new("--cases")
    {
        Description = "JSON Lines of labelled follow-ups (see eval/README.md)",
        HelpName = "FILE",
        DefaultValueFactory = static _ => Path.Combine("eval", "reactions", "cases.jsonl"),
    };

    private readonly Option<string> _split = new("--split") { Description = "Train on the cases of this split", DefaultValueFactory = static _ => "tune" };

    private readonly Option<string> _out = new("--out")
    {
        Description = "Where to write the weights",
        HelpName = "FILE",
        DefaultValueFactory = static _ => Path.Combine("src", "Penchant", "Learning", "Feedback", "Models", "reaction-model.json"),
    };

    public TrainReactionsCommand(GlobalOptions globals, CliEnvironment environment)
        : base("reactions", "Train the learned reaction classifier on labelled follow-ups and write its weights with their provenance (deterministic)", globals, environment)
    {
        _split.AcceptOnlyFromAmong(ReactionsEvaluator.Splits);
        Options.Add(_cases);
        Options.Add(_split);
        Options.Add(_out);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        string file = context.ParseResult.GetValue(_cases)!;
        string split = context.ParseResult.GetValue(_split)!;
        string output = context.ParseResult.GetValue(_out)!;
        IReadOnlyList<ReactionCase> cases;
        using (StreamReader reader = new(InputFiles.OpenRead(file)))
        {
            cases = await ReactionsEvaluator.ReadCasesAsync(reader, file, split, cancellationToken);
        }

        using var embeddings = new MiniLmEmbeddingGenerator();
        string command = $"penchant train reactions --cases {file.Replace('\\', '/')} --split {split}";
        string json = await ReactionTrainer.TrainAsync(embeddings, cases, command, file, cancellationToken);
        await File.WriteAllTextAsync(output, json + Environment.NewLine, cancellationToken);
        await context.Environment.Output.WriteLineAsync($"train-reactions: cases={cases.Count} split={split} out={output}");
        return ExitCodes.Success;
    }
}
