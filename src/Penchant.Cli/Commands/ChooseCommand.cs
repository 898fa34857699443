using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary>
/// <c>penchant choose CONTEXT CANDIDATE… --chosen N</c>: records that the user chose one of the candidates they were
/// shown (<c>POST /v1/users/{u}/choices</c>); the chosen item extends the user's sequence for <c>penchant recommend</c>.
/// </summary>
internal sealed class ChooseCommand : CliCommand
{
    private readonly Argument<string> _context = new("context") { Description = "What the user was choosing for" };
    private readonly Argument<string[]> _candidates = new("candidates") { Description = "The candidates the user was shown", Arity = ArgumentArity.OneOrMore };
    private readonly Option<int> _chosen = new("--chosen") { Description = "The index of the candidate chosen (0 = the first)", Required = true, HelpName = "N" };

    public ChooseCommand(GlobalOptions globals, CliEnvironment environment)
        : base("choose", "Record that the user chose one of several candidates (it extends their sequence of chosen items)", globals, environment)
    {
        Arguments.Add(_context);
        Arguments.Add(_candidates);
        Options.Add(_chosen);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        string[] candidates = parse.GetValue(_candidates) ?? [];
        int chosen = parse.GetValue(_chosen);
        if (chosen < 0 || chosen >= candidates.Length)
        {
            throw new CliInputException($"--chosen is the index of one of the {candidates.Length} candidate(s): 0 to {candidates.Length - 1}.");
        }

        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        WriteResult result = await host.Engine.ChooseAsync(context.User, new Choice(parse.GetValue(_context) ?? string.Empty, candidates, chosen), cancellationToken);
        context.Output.WriteWrite(result);
        return ExitCodes.Success;
    }
}
