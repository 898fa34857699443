using System.CommandLine;
using Penchant.Cli.Infrastructure;
using Penchant.Domain;
using Penchant.Searching;

namespace Penchant.Cli.Commands;

/// <summary><c>penchant search QUERY [--limit N] [--meta KEY=VALUE]…</c>: searches the user's current preferences by meaning and words.</summary>
internal sealed class SearchCommand : CliCommand
{
    private readonly Argument<string> _query = new("query") { Description = "What to look for, for example \"what do you know about my diet?\"" };
    private readonly Option<int> _limit = new("--limit")
    {
        Description = $"The most matches to show, 1 to {PreferenceSearch.MaxLimit}",
        DefaultValueFactory = static _ => 10,
    };

    private readonly Option<string[]> _metadata = MetadataOption.Create("Only preferences with this metadata, for example app=mail (repeatable; all must match)");

    public SearchCommand(GlobalOptions globals, CliEnvironment environment)
        : base("search", "Search the user's current preferences by meaning and words (no applicability gate)", globals, environment)
    {
        Arguments.Add(_query);
        Options.Add(_limit);
        Options.Add(_metadata);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        UserKey user = context.User;
        string query = context.ParseResult.GetValue(_query) ?? string.Empty;
        int limit = context.ParseResult.GetValue(_limit);
        if (limit is < 1 or > PreferenceSearch.MaxLimit)
        {
            throw new CliInputException($"--limit must be 1 to {PreferenceSearch.MaxLimit}; it was {limit}.");
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            throw new CliInputException("The query is empty.");
        }

        MetadataFilter filter = MetadataOption.Filter(context.ParseResult.GetValue(_metadata));
        await using EngineHost host = await context.OpenEngineAsync(embeds: true, cancellationToken);
        IReadOnlyList<PreferenceMatch> matches = await host.Engine.SearchAsync(user, new PreferenceSearch(query) { Limit = limit, Filter = filter }, cancellationToken);
        context.Output.WriteMatches(matches);
        return ExitCodes.Success;
    }
}
