using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant compare CONTEXT PREFERRED REJECTED [--magnitude slightly|clearly|much|tie]</c>: records a comparison.</summary>
internal sealed class CompareCommand : CliCommand
{
    private readonly Argument<string> _context = new("context") { Description = "What was asked" };
    private readonly Argument<string> _preferred = new("preferred") { Description = "The response the user preferred" };
    private readonly Argument<string> _rejected = new("rejected") { Description = "The other response" };
    private readonly Option<ComparisonMagnitude> _magnitude = new("--magnitude")
    {
        Description = "How much better: slightly, clearly, much, or tie",
        DefaultValueFactory = static _ => ComparisonMagnitude.Clearly,
    };

    public CompareCommand(GlobalOptions globals, CliEnvironment environment)
        : base("compare", "Record that the user preferred one response over another", globals, environment)
    {
        Arguments.Add(_context);
        Arguments.Add(_preferred);
        Arguments.Add(_rejected);
        Options.Add(_magnitude);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ParseResult parse = context.ParseResult;
        var comparison = new Comparison(parse.GetValue(_context) ?? string.Empty, parse.GetValue(_preferred) ?? string.Empty, parse.GetValue(_rejected) ?? string.Empty, parse.GetValue(_magnitude));
        await using EngineHost host = await context.OpenEngineAsync(cancellationToken);
        WriteResult result = await host.Engine.CompareAsync(context.User, comparison, cancellationToken);
        context.Output.WriteWrite(result);
        return ExitCodes.Success;
    }
}
