using System.Globalization;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant explain [--user U]</c>: what was learned about the user, as principles with support and held-back accuracy.</summary>
internal sealed class ExplainCommand : CliCommand
{
    public ExplainCommand(GlobalOptions globals, CliEnvironment environment)
        : base("explain", "Explain what was learned about the user: principles from their comparisons, choices and edits", globals, environment)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        IReadOnlyList<Principle> principles = await host.Engine.ExplainAsync(context.User, cancellationToken);
        TextWriter output = context.Environment.Output;
        if (principles.Count == 0)
        {
            await output.WriteLineAsync("no principle yet (too few comparisons, choices or edits)");
        }

        foreach (Principle p in principles)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{p.Text}  (support {p.Support}, held-back accuracy {p.Accuracy:0.00} on {p.Tested}; from {string.Join(", ", p.Sources.Take(5))}{(p.Sources.Count > 5 ? ", …" : string.Empty)})"));
        }

        return ExitCodes.Success;
    }
}
