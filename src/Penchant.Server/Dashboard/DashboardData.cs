using System.Diagnostics;
using System.Globalization;
using Penchant.Deciding;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Server.Dashboard;

/// <summary>What the dashboard's pages read and change, through <see cref="IPenchant"/> and <see cref="IPreferenceStore"/> only.</summary>
/// <param name="engine">The engine.</param>
/// <param name="store">The store (user summaries, the newest events, a preference's sources).</param>
/// <param name="decider">The decisions of the user's policy.</param>
internal sealed class DashboardData(IPenchant engine, IPreferenceStore store, IDecider decider)
{
    private readonly List<(string Name, double Milliseconds)> _timings = [];

    /// <summary>The most events the user page lists (newest first).</summary>
    public const int MaxEventsShown = 200;

    /// <summary>The most recent distinct requests of a user's reactions replayed through Select (distribution and reliability).</summary>
    public const int ReplayedRequests = 12;

    /// <summary>Gets the engine.</summary>
    public IPenchant Engine => engine;

    /// <summary>Lists one page of the tenant's users.</summary>
    public Task<IReadOnlyList<UserSummary>> UsersAsync(string tenant, string? after, string? contains, int limit, CancellationToken cancellationToken) =>
        TimeAsync("users", () => store.ListUserSummariesAsync(tenant, after, limit, contains, cancellationToken));

    /// <summary>Summarizes one user.</summary>
    public Task<UserSummary?> SummaryAsync(UserKey user, CancellationToken cancellationToken) => TimeAsync("summary", () => store.GetUserSummaryAsync(user, cancellationToken));

    /// <summary>Lists every preference the user has had, superseded ones included.</summary>
    public Task<IReadOnlyList<Preference>> HistoryAsync(UserKey user, CancellationToken cancellationToken) => TimeAsync("history", () => engine.HistoryAsync(user, cancellationToken));

    /// <summary>Selects the user's preferences for a request (nothing is written).</summary>
    public Task<Selection> SelectAsync(UserKey user, RequestContext request, CancellationToken cancellationToken) => TimeAsync("select", () => engine.SelectAsync(user, request, cancellationToken));

    /// <summary>Ranks candidates for a request (nothing is written).</summary>
    public Task<CandidateRanking> RankAsync(UserKey user, RequestContext request, IReadOnlyList<string> candidates, CancellationToken cancellationToken) =>
        TimeAsync("rank", () => engine.RankAsync(user, request, candidates, cancellationToken));

    /// <summary>Reads the newest events of a user's log, newest first, without reading the rest.</summary>
    /// <param name="user">The user.</param>
    /// <param name="events">How many events the user's log holds (from the summary).</param>
    /// <param name="count">The most events to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>At most <paramref name="count"/> events, newest first.</returns>
    /// <remarks>
    /// Sequence numbers start at 1 and only grow, so at most <c>events - count</c> of them are at or below that number and
    /// reading after it yields at least <paramref name="count"/> events whenever the log has that many.
    /// </remarks>
    public Task<List<PreferenceEvent>> RecentEventsAsync(UserKey user, long events, int count, CancellationToken cancellationToken) =>
        TimeAsync("events", async () =>
        {
            var read = new List<PreferenceEvent>();
            await foreach (PreferenceEvent entry in store.ReadEventsAsync(user, Math.Max(0, events - count), cancellationToken))
            {
                read.Add(entry);
            }

            read.Reverse();
            return read.Count > count ? read[..count] : read;
        });

    /// <summary>Reads the events a preference came from, oldest first.</summary>
    public Task<IReadOnlyList<PreferenceEvent>> SourcesAsync(UserKey user, Preference preference, CancellationToken cancellationToken) =>
        TimeAsync("sources", async () =>
            (IReadOnlyList<PreferenceEvent>)[.. (await store.FindEventsAsync(user, [.. preference.Sources], cancellationToken)).OrderBy(static e => e.Sequence)]);

    /// <summary>Writes the time each step of this request took as a <c>Server-Timing</c> header, if the response has not started.</summary>
    /// <param name="response">The response.</param>
    public void WriteServerTiming(HttpResponse response)
    {
        if (!response.HasStarted && _timings.Count > 0)
        {
            response.Headers.Append("Server-Timing", string.Join(", ", _timings.Select(static (t, i) => string.Create(CultureInfo.InvariantCulture, $"{t.Name}-{i};dur={t.Milliseconds:0.0}"))));
        }
    }

    private async Task<T> TimeAsync<T>(string name, Func<Task<T>> step)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            return await step();
        }
        finally
        {
            _timings.Add((name, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
    }

    /// <summary>Reads a user's whole event log, oldest first.</summary>
    public Task<List<PreferenceEvent>> EventsAsync(UserKey user, CancellationToken cancellationToken) =>
        TimeAsync("log", async () =>
        {
            var events = new List<PreferenceEvent>();
            await foreach (PreferenceEvent entry in engine.ExportAsync(user, cancellationToken))
            {
                events.Add(entry);
            }

            return events;
        });

    /// <summary>Edits a preference's text or scope through the <see cref="PreferenceEdit"/> signal, as the API's PATCH does.</summary>
    public Task<WriteResult> EditAsync(UserKey user, string preferenceId, string? text, string? scope, CancellationToken cancellationToken) =>
        engine.RecordAsync(user, [new PreferenceEdit(preferenceId, text, scope, null, null)], null, cancellationToken);

    /// <summary>Computes the health charts of one user's log.</summary>
    /// <param name="user">The user.</param>
    /// <param name="estimate">Whether to estimate every decision policy off-policy (replays the decision log once per policy).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The charts.</returns>
    public async Task<HealthCharts> HealthAsync(UserKey user, bool estimate, CancellationToken cancellationToken)
    {
        List<PreferenceEvent> events = await EventsAsync(user, cancellationToken);

        // Signals per day by kind; acceptance of applied preferences per day; the reactions, newest last; rewards per day.
        var days = new SortedSet<DateOnly>();
        var counts = new Dictionary<string, Dictionary<DateOnly, int>>(StringComparer.Ordinal);
        var accepted = new Dictionary<DateOnly, (int Yes, int No)>();
        var reactions = new List<RecordedReaction>();
        var rewards = new SortedDictionary<DateOnly, (double Sum, int Count)>();
        foreach (PreferenceEvent entry in events)
        {
            var day = DateOnly.FromDateTime(entry.At.UtcDateTime);
            days.Add(day);
            if (!counts.TryGetValue(entry.Kind.Name, out var perDay))
            {
                counts[entry.Kind.Name] = perDay = [];
            }

            perDay[day] = perDay.GetValueOrDefault(day) + 1;
            if (LoggedSignals.ReadReaction(entry) is { } reaction)
            {
                if (reaction.Applied.Count > 0 && reaction.Label is ReactionLabel.Satisfied or ReactionLabel.Dissatisfied)
                {
                    (int yes, int no) = accepted.GetValueOrDefault(day);
                    accepted[day] = reaction.Label == ReactionLabel.Satisfied ? (yes + 1, no) : (yes, no + 1);
                }

                reactions.Add(reaction);
            }
            else if (LoggedSignals.ReadReward(entry) is { } reward)
            {
                (double sum, int count) = rewards.GetValueOrDefault(day);
                rewards[day] = (sum + reward.Value, count + 1);
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

        // The most recent distinct requests of the reactions, replayed through Select as the gate stands now.
        var replays = new Dictionary<string, Selection>(StringComparer.Ordinal);
        for (int i = reactions.Count - 1; i >= 0 && replays.Count < ReplayedRequests; i--)
        {
            if (reactions[i].Request is { Length: > 0 } request && !replays.ContainsKey(request))
            {
                replays[request] = await TimeAsync("select", () => engine.SelectAsync(user, new RequestContext(request) { IncludeNearMisses = true }, cancellationToken));
            }
        }

        var bins = new double[10];
        foreach (Selection selection in replays.Values)
        {
            foreach (SelectedPreference selected in selection.Preferences)
            {
                bins[Math.Clamp((int)(selected.Probability * 10), 0, 9)]++;
            }
        }

        string? distribution = replays.Count == 0 ? null : Plots.Bars(
            "Selection probabilities (recent requests)",
            [.. Enumerable.Range(0, 10).Select(static b => $"{b / 10.0:0.0}")],
            bins,
            "selected preferences");

        // Reliability: each judged application of a preference (satisfied or not) against the probability the gate gives it.
        var predictedSum = new double[10];
        var acceptedCount = new int[10];
        var judged = new int[10];
        int applications = 0;
        foreach (RecordedReaction reaction in reactions)
        {
            if (reaction.Label is not (ReactionLabel.Satisfied or ReactionLabel.Dissatisfied) || reaction.Request is null || !replays.TryGetValue(reaction.Request, out Selection? replay))
            {
                continue;
            }

            foreach (string id in reaction.Applied)
            {
                if (ProbabilityOf(replay, id) is { } probability)
                {
                    int bin = Math.Clamp((int)(probability * 10), 0, 9);
                    predictedSum[bin] += probability;
                    judged[bin]++;
                    acceptedCount[bin] += reaction.Label == ReactionLabel.Satisfied ? 1 : 0;
                    applications++;
                }
            }
        }

        int[] filled = [.. Enumerable.Range(0, 10).Where(b => judged[b] > 0)];
        string? reliability = filled.Length == 0 ? null : Plots.Reliability(
            "Selection gate reliability",
            [.. filled.Select(b => predictedSum[b] / judged[b])],
            [.. filled.Select(b => acceptedCount[b] / (double)judged[b])]);

        IReadOnlyList<Principle> principles = await TimeAsync("explain", () => engine.ExplainAsync(user, cancellationToken));
        DecisionCharts? decisions = await DecisionsAsync(user, rewards, estimate, cancellationToken);
        return new HealthCharts(signals, acceptance, distribution, principles, events.Count)
        {
            Reliability = reliability,
            ReliabilityApplications = applications,
            Decisions = decisions,
        };
    }

    // The decisions of the user's policy: the report, mean reward per day, and the off-policy estimates of every policy.
    private async Task<DecisionCharts?> DecisionsAsync(UserKey user, SortedDictionary<DateOnly, (double Sum, int Count)> rewards, bool estimate, CancellationToken cancellationToken)
    {
        DecisionReport report = await TimeAsync("decisions", () => decider.GetReportAsync(user, cancellationToken));
        if (report.Decisions == 0 && report.Pending == 0)
        {
            return null;
        }

        DateOnly[] rewardDays = [.. rewards.Keys];
        string? rewardChart = rewardDays.Length == 0 ? null : Plots.DailyLines(
            "Mean reward per day", rewardDays, [("mean reward", [.. rewardDays.Select(d => rewards[d].Sum / rewards[d].Count)])], "reward");
        var estimates = new List<(DecisionPolicy Policy, OffPolicyReport Report)>();
        foreach (DecisionPolicy policy in estimate ? Enum.GetValues<DecisionPolicy>() : [])
        {
            if (await TimeAsync("offpolicy", () => decider.EvaluatePolicyAsync(user, new PolicyCandidate(policy), null, null, cancellationToken)) is { } found)
            {
                estimates.Add((policy, found));
            }
        }

        string? estimateChart = estimates.Count == 0 ? null : Plots.Estimates(
            "Off-policy value of each policy (doubly robust, 95% interval)",
            [.. estimates.Select(static e => e.Policy.ToString())],
            [.. estimates.Select(static e => e.Report.DoublyRobust.Value)],
            [.. estimates.Select(static e => (e.Report.DoublyRobust.Upper - e.Report.DoublyRobust.Lower) / 2)],
            "estimated mean reward");
        return new DecisionCharts(report, rewardChart, estimates, estimateChart);
    }

    private static double? ProbabilityOf(Selection selection, string preferenceId)
    {
        foreach (IReadOnlyList<SelectedPreference> list in (IReadOnlyList<SelectedPreference>[])[selection.Preferences, selection.NearMisses, selection.Excluded])
        {
            foreach (SelectedPreference scored in list)
            {
                if (string.Equals(scored.Preference.Id, preferenceId, StringComparison.Ordinal))
                {
                    return scored.Probability;
                }
            }
        }

        return null;
    }
}

/// <summary>The health page's charts (SVG documents, or <see langword="null"/> when there is nothing to draw) and principles.</summary>
/// <param name="Signals">Signals per day by kind.</param>
/// <param name="Acceptance">The accepted share of reactions to answers that applied preferences, per day.</param>
/// <param name="Distribution">The distribution of selection probabilities over recent requests.</param>
/// <param name="Principles">The principles <see cref="IPenchant.ExplainAsync"/> gives.</param>
/// <param name="Events">The number of events read.</param>
internal sealed record HealthCharts(string? Signals, string? Acceptance, string? Distribution, IReadOnlyList<Principle> Principles, int Events)
{
    /// <summary>Gets the selection gate's reliability diagram, or <see langword="null"/> when no judged application could be scored.</summary>
    public string? Reliability { get; init; }

    /// <summary>Gets the number of judged applications the reliability diagram is drawn from.</summary>
    public int ReliabilityApplications { get; init; }

    /// <summary>Gets the decisions of the user's policy, or <see langword="null"/> when the user has none.</summary>
    public DecisionCharts? Decisions { get; init; }
}

/// <summary>The decisions of a user's policy.</summary>
/// <param name="Report">What the policy has learned.</param>
/// <param name="Rewards">Mean reward per day (SVG), or <see langword="null"/> when no reward was logged.</param>
/// <param name="Estimates">The off-policy estimates of each policy on the user's logged decisions.</param>
/// <param name="EstimatesChart">The doubly robust estimates with their intervals (SVG), or <see langword="null"/>.</param>
internal sealed record DecisionCharts(DecisionReport Report, string? Rewards, IReadOnlyList<(DecisionPolicy Policy, OffPolicyReport Report)> Estimates, string? EstimatesChart);
