using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Cli.Output;
using Penchant.Domain;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant rank REQUEST CANDIDATE CANDIDATE…</c>: orders candidates the way the user would.</summary>
internal sealed class RankCommand : CliCommand
{
    private readonly Argument<string> _request = new("request") { Description = "The request the candidates answer" };
    private readonly Argument<string[]> _candidates = new("candidates") { Description = "The candidates to rank", Arity = ArgumentArity.OneOrMore };

    public RankCommand(GlobalOptions globals, CliEnvironment environment)
        : base("rank", "Rank candidate responses or items for the user, with the probability that each is their best and why", globals, environment)
    {
        Arguments.Add(_request);
        Arguments.Add(_candidates);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        await using EngineHost host = await context.OpenEngineAsync(embeds: true, cancellationToken);
        CandidateRanking ranking = await host.Engine.RankAsync(
            user, new RequestContext(context.ParseResult.GetValue(_request) ?? string.Empty), context.ParseResult.GetValue(_candidates) ?? [], cancellationToken);
        RankingOutput.WriteRanking(context.Environment.Output, ranking, context.Json);
        return ExitCodes.Success;
    }
}
