using System.CommandLine;
using Penchant.Cli.Contracts;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant observe FILE|-</c>: observes a conversation written as JSON Lines of <c>{"role","content"}</c>.</summary>
internal sealed class ObserveCommand : CliCommand
{
    private readonly Argument<string> _file = new("file") { Description = "JSON Lines of {\"role\": \"user\"|\"assistant\", \"content\": \"…\"}, or - for standard input" };

    public ObserveCommand(GlobalOptions globals, CliEnvironment environment)
        : base("observe", "Observe conversation turns and keep the preferences the user states", globals, environment)
    {
        Arguments.Add(_file);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        string file = context.ParseResult.GetValue(_file)!;
        string source = InputFiles.DisplayName(file);
        IReadOnlyList<(int Line, TurnContract Value)> lines =
            await InputFiles.ReadJsonLinesAsync(file, ContractJsonContext.Default.TurnContract, context.Environment, cancellationToken);

        if (lines.Count == 0)
        {
            throw new CliInputException($"{source} holds no turns.");
        }

        await using EngineHost host = await context.OpenEngineAsync(embeds: true, cancellationToken);
        int maxLength = host.Options.MaxTextLength;
        var turns = new ConversationTurn[lines.Count];
        for (int i = 0; i < turns.Length; i++)
        {
            (int line, TurnContract turn) = lines[i];
            if (string.IsNullOrWhiteSpace(turn.Role))
            {
                throw new CliInputException($"{source}, line {line}: \"role\" is missing.");
            }

            if (string.IsNullOrWhiteSpace(turn.Content))
            {
                throw new CliInputException($"{source}, line {line}: \"content\" is missing or empty.");
            }

            if (turn.Content.Length > maxLength)
            {
                throw new CliInputException($"{source}, line {line}: \"content\" is longer than {maxLength} characters.");
            }

            turns[i] = new ConversationTurn(turn.Role, turn.Content, turn.At);
        }

        WriteResult result = await host.Engine.ObserveAsync(user, turns, cancellationToken);
        context.Output.WriteWrite(result);
        return ExitCodes.Success;
    }
}
