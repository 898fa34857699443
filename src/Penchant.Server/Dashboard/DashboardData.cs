using System.Text.Json;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Server.Dashboard;

/// <summary>What the dashboard's pages read and change, through <see cref="IPenchant"/> and <see cref="IPreferenceStore"/> only.</summary>
/// <param name="engine">The engine.</param>
/// <param name="store">The store (user summaries).</param>
internal sealed class DashboardData(IPenchant engine, IPreferenceStore store)
{
    /// <summary>The most events the user page lists (newest first).</summary>
    public const int MaxEventsShown = 200;

    /// <summary>The most recent requests of a user's log replayed through Select for the probability distribution.</summary>
    public const int ReplayedRequests = 8;

    /// <summary>Gets the engine.</summary>
    public IPenchant Engine => engine;

    /// <summary>Lists one page of the tenant's users.</summary>
    public Task<IReadOnlyList<UserSummary>> UsersAsync(string tenant, string? after, string? contains, int limit, CancellationToken cancellationToken) =>
        store.ListUserSummariesAsync(tenant, after, limit, contains, cancellationToken);

    /// <summary>Summarizes one user.</summary>
    public Task<UserSummary?> SummaryAsync(UserKey user, CancellationToken cancellationToken) => store.GetUserSummaryAsync(user, cancellationToken);

    /// <summary>Reads a user's whole event log, oldest first.</summary>
    public async Task<List<PreferenceEvent>> EventsAsync(UserKey user, CancellationToken cancellationToken)
    {
        var events = new List<PreferenceEvent>();
        await foreach (PreferenceEvent entry in engine.ExportAsync(user, cancellationToken))
        {
            events.Add(entry);
        }

        return events;
    }

    /// <summary>Edits a preference's text or scope through the <see cref="PreferenceEdit"/> signal, as the API's PATCH does.</summary>
    public Task<WriteResult> EditAsync(UserKey user, string preferenceId, string? text, string? scope, CancellationToken cancellationToken) =>
        engine.RecordAsync(user, [new PreferenceEdit(preferenceId, text, scope, null, null)], null, cancellationToken);

    /// <summary>Computes the health charts of one user's log.</summary>
    public async Task<HealthCharts> HealthAsync(UserKey user, CancellationToken cancellationToken)
    {
        List<PreferenceEvent> events = await EventsAsync(user, cancellationToken);

        // Signals per day by kind.
        var days = new SortedSet<DateOnly>();
        var counts = new Dictionary<string, Dictionary<DateOnly, int>>(StringComparer.Ordinal);
        var accepted = new Dictionary<DateOnly, (int Yes, int No)>();
        var requests = new List<string>();
        foreach (PreferenceEvent entry in events)
        {
            var day = DateOnly.FromDateTime(entry.At.UtcDateTime);
            days.Add(day);
            if (!counts.TryGetValue(entry.Kind.Name, out var perDay))
            {
                counts[entry.Kind.Name] = perDay = [];
            }

            perDay[day] = perDay.GetValueOrDefault(day) + 1;
            if (entry.Kind == EventKind.Reaction && ReadReaction(entry.Data) is { } reaction)
            {
                if (reaction.Applied && reaction.Label is "satisfied" or "dissatisfied")
                {
                    (int yes, int no) = accepted.GetValueOrDefault(day);
                    accepted[day] = reaction.Label == "satisfied" ? (yes + 1, no) : (yes, no + 1);
                }

                if (reaction.Request is { Length: > 0 } request)
                {
                    requests.Add(request);
                }
            }
        }

        DateOnly[] dayList = [.. days];
        var signalSeries = new List<(string, double[])>();
        foreach ((string kind, Dictionary<DateOnly, int> perDay) in counts.OrderBy(static c => c.Key, StringComparer.Ordinal))
        {
            signalSeries.Add((kind, [.. dayList.Select(d => (double)perDay.GetValueOrDefault(d))]));
        }

        string? signals = dayList.Length == 0 ? null : Plots.DailyLines("Signals per day by kind", dayList, signalSeries, "signals");
        DateOnly[] acceptanceDays = [.. accepted.Keys.Order()];
        string? acceptance = acceptanceDays.Length == 0 ? null : Plots.DailyLines(
            "Acceptance of applied preferences",
            acceptanceDays,
            [("accepted share", [.. acceptanceDays.Select(d => accepted[d].Yes / (double)(accepted[d].Yes + accepted[d].No))])],
            "share accepted");

        // Selection probabilities over the user's most recent requests, replayed through Select.
        var bins = new double[10];
        int replayed = 0;
        for (int i = requests.Count - 1; i >= 0 && replayed < ReplayedRequests; i--, replayed++)
        {
            Selection selection = await engine.SelectAsync(user, new RequestContext(requests[i]), cancellationToken);
            foreach (SelectedPreference selected in selection.Preferences)
            {
                bins[Math.Clamp((int)(selected.Probability * 10), 0, 9)]++;
            }
        }

        string? distribution = replayed == 0 ? null : Plots.Bars(
            "Selection probabilities (recent requests)",
            [.. Enumerable.Range(0, 10).Select(static b => $"{b / 10.0:0.0}")],
            bins,
            "selected preferences");
        IReadOnlyList<Principle> principles = await engine.ExplainAsync(user, cancellationToken);
        return new HealthCharts(signals, acceptance, distribution, principles, events.Count);
    }

    private static (string Label, bool Applied, string? Request)? ReadReaction(string? data)
    {
        if (data is null)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(data);
            JsonElement root = document.RootElement;
            string label = root.TryGetProperty("label", out JsonElement l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : "neutral";
            bool applied = root.TryGetProperty("applied", out JsonElement a) && a.ValueKind == JsonValueKind.Array && a.GetArrayLength() > 0;
            string? request = root.TryGetProperty("request", out JsonElement r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            return (label, applied, request);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The health page's charts (SVG documents, or <see langword="null"/> when there is nothing to draw) and principles.</summary>
/// <param name="Signals">Signals per day by kind.</param>
/// <param name="Acceptance">The accepted share of reactions to answers that applied preferences, per day.</param>
/// <param name="Distribution">The distribution of selection probabilities over recent requests.</param>
/// <param name="Principles">The principles <see cref="IPenchant.ExplainAsync"/> gives.</param>
/// <param name="Events">The number of events read.</param>
internal sealed record HealthCharts(string? Signals, string? Acceptance, string? Distribution, IReadOnlyList<Principle> Principles, int Events);
