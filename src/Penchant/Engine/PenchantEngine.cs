using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Penchant.Diagnostics;
using Penchant.Explaining;
using Penchant.Domain;
using Penchant.Learning;
using Penchant.Learning.Ranking;
using Penchant.Ranking;
using Penchant.Searching;
using Penchant.Selecting;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Webhooks;

namespace Penchant.Engine;

/// <summary>
/// The default <see cref="IPenchant"/>: records signals in the event log, runs them through the learners, and answers
/// queries from the users' state. It holds no knowledge of its own: signals, learners and queries are registered parts.
/// </summary>
/// <remarks>
/// Thread-safe. Writes for one user are serialized in process and guarded by optimistic concurrency in the store, so two
/// processes sharing a store never lose a write; reads check the cached state against the store's log position, so a
/// write acknowledged by another process is seen at once.
/// </remarks>
public sealed class PenchantEngine : IPenchant
{
    private const int LockStripes = 64;
    private const int MaxWriteAttempts = 5;

    private readonly UserStateCache _states;
    private readonly SignalCodecs _codecs;
    private readonly LearningPipeline _pipeline;
    private readonly SelectionQuery _selection;
    private readonly RankingQuery _ranking;
    private readonly RankingTraining _training;
    private readonly PrincipleQuery _principles;
    private readonly SearchQuery _search;
    private readonly PenchantOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IWebhookOutbox? _outbox;
    private readonly IReadOnlyList<IUserContentCache> _contentCaches;
    private readonly SemaphoreSlim[] _locks = CreateLocks();

    internal PenchantEngine(
        UserStateCache states,
        SignalCodecs codecs,
        LearningPipeline pipeline,
        SelectionQuery selection,
        RankingQuery ranking,
        RankingTraining training,
        PrincipleQuery principles,
        SearchQuery search,
        IOptions<PenchantOptions> options,
        TimeProvider? timeProvider = null,
        ILogger<PenchantEngine>? logger = null,
        IWebhookOutbox? outbox = null,
        IReadOnlyList<IUserContentCache>? contentCaches = null)
    {
        _outbox = outbox;
        _contentCaches = contentCaches ?? [];
        _states = states;
        _codecs = codecs;
        _pipeline = pipeline;
        _selection = selection;
        _ranking = ranking;
        _training = training;
        _principles = principles;
        _search = search;
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<PenchantEngine>.Instance;
    }

    private IPreferenceStore Store => _states.Store;

    /// <summary>Full jitter over 2, 4, 8, … milliseconds: the wait after the <paramref name="attempt"/>-th conflicting write.</summary>
    private static TimeSpan ConflictBackoff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * (1 << attempt));

    /// <inheritdoc/>
    public async Task<WriteResult> RecordAsync(UserKey user, IReadOnlyList<Signal> signals, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(signals);
        if (idempotencyKey is not null)
        {
            IdempotencyKeys.Validate(idempotencyKey);
        }

        var rules = new SignalRules(_options.MaxTextLength);
        var codecs = new SignalCodec[signals.Count];
        for (int i = 0; i < signals.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(signals[i], nameof(signals));
            codecs[i] = _codecs.For(signals[i]);
            codecs[i].ValidateSignal(signals[i], rules);
            PreferenceMetadata.Validate(signals[i].Metadata, nameof(signals));
            ValidateExpiry(signals[i]);
        }

        if (signals.Count == 0)
        {
            return WriteResult.None;
        }

        using Activity? activity = PenchantTelemetry.ActivitySource.StartActivity("penchant.record");
        DateTimeOffset now = _time.GetUtcNow();
        var recorded = new Signal[signals.Count];
        var events = new PreferenceEvent[signals.Count];
        for (int i = 0; i < signals.Count; i++)
        {
            recorded[i] = await codecs[i].PrepareSignalAsync(signals[i], cancellationToken).ConfigureAwait(false);
            SignalEntry entry = codecs[i].EncodeSignal(recorded[i]);
            events[i] = new PreferenceEvent
            {
                Id = idempotencyKey is null ? NewEventId() : IdempotencyKeys.EventId(codecs[i].Operation, idempotencyKey, i),
                Kind = codecs[i].Kind,
                Text = entry.Text,
                Scope = entry.Scope,
                Role = entry.Role,
                Data = entry.Data,
                At = recorded[i].At ?? now,
                Metadata = PreferenceMetadata.Freeze(signals[i].Metadata),
                ExpiresAt = signals[i].ExpiresAt ?? (recorded[i].At ?? now) + signals[i].TimeToLive,
            };
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("penchant.signal.kind", codecs[0].Kind.Name);
            activity.SetTag("penchant.signals", signals.Count);
        }

        Dictionary<PreferenceEvent, Signal>? written = null;
        for (int i = 0; i < events.Length; i++)
        {
            if (codecs[i].AsWritten(recorded[i], events[i]) is { } asWritten)
            {
                (written ??= new Dictionary<PreferenceEvent, Signal>(ReferenceEqualityComparer.Instance))[events[i]] = asWritten;
            }
        }

        WriteResult result = await WriteAsync(user, events, replaceAll: false, keyed: idempotencyKey is not null, cancellationToken, written).ConfigureAwait(false);

        // A replay answers with the signals as the first write recorded them (a reaction's classification included).
        return result with { Signals = result.Replayed ? [.. result.Events.Select(_codecs.Decode).OfType<Signal>()] : recorded };
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Preference>> ListAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        UserSnapshot snapshot = await _states.GetAsync(user, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _time.GetUtcNow();
        return [.. snapshot.State.Preferences.Where(p => p.IsCurrent && !p.IsExpiredAt(now))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Preference>> HistoryAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        UserSnapshot snapshot = await _states.GetAsync(user, cancellationToken).ConfigureAwait(false);
        return snapshot.State.Preferences;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Preference>> ListAsync(UserKey user, MetadataFilter filter, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsEmpty)
        {
            return await ListAsync(user, cancellationToken).ConfigureAwait(false);
        }

        UserState state = await ReadFilteredAsync(user, filter, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _time.GetUtcNow();
        return [.. state.Preferences.Where(p => p.IsCurrent && !p.IsExpiredAt(now))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Preference>> HistoryAsync(UserKey user, MetadataFilter filter, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsEmpty)
        {
            return await HistoryAsync(user, cancellationToken).ConfigureAwait(false);
        }

        return (await ReadFilteredAsync(user, filter, cancellationToken).ConfigureAwait(false)).Preferences;
    }

    /// <inheritdoc/>
    public async Task ForgetAsync(UserKey user, string preferenceId, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(preferenceId);
        int redacted = 0;
        await CommitWithRetryAsync(
            user,
            (snapshot, _) =>
            {
                Preference target = snapshot.State.Preferences.FirstOrDefault(p => p.Id == preferenceId)
                    ?? throw new NotFoundException($"The user has no preference '{preferenceId}'.");
                redacted = target.Sources.Count;
                return Task.FromResult<UserChange?>(ForgetChange(snapshot.State, [target]));
            },
            cancellationToken).ConfigureAwait(false);
        ClearContentCaches();
        Log.Forgot(_logger, preferenceId, redacted);
    }

    /// <inheritdoc/>
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken = default)
    {
        await _states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _time.GetUtcNow();
        var users = new List<UserKey>();
        await foreach (UserKey user in Store.ListUsersWithExpiredPreferencesAsync(now, cancellationToken).ConfigureAwait(false))
        {
            users.Add(user);
        }

        int removed = 0;
        foreach (UserKey user in users)
        {
            int forUser = 0;
            await CommitWithRetryAsync(
                user,
                (snapshot, _) =>
                {
                    List<Preference> expired = [.. snapshot.State.Preferences.Where(p => p.IsExpiredAt(now))];
                    forUser = expired.Count;
                    return Task.FromResult(expired.Count == 0 ? null : ForgetChange(snapshot.State, expired));
                },
                cancellationToken).ConfigureAwait(false);
            removed += forUser;
        }

        if (removed > 0)
        {
            ClearContentCaches();
        }

        Log.Expired(_logger, removed, users.Count);
        return removed;
    }

    /// <inheritdoc/>
    public async Task<bool> ForgetUserAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        SemaphoreSlim gate = LockFor(user);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<WebhookDelivery> deliveries = _outbox is null ? [] : await _outbox.PlanAsync(user, WebhookNotice.ForUserForgotten, cancellationToken).ConfigureAwait(false);
            bool existed = await Store.DeleteUserAsync(user, deliveries, cancellationToken).ConfigureAwait(false);
            _states.Remove(user);
            ClearContentCaches();
            Log.ForgotUser(_logger, existed);
            return existed;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<PreferenceMatch>> SearchAsync(UserKey user, PreferenceSearch search, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(search);
        new SignalRules(_options.MaxTextLength).Text(search.Text, nameof(search));
        if (search.Limit is < 1 or > PreferenceSearch.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(search), search.Limit, $"'limit' must be 1 to {PreferenceSearch.MaxLimit}.");
        }

        if (search.Filter is null)
        {
            throw new ArgumentException("The search's metadata filter is null; use MetadataFilter.None for none.", nameof(search));
        }
        return _search.SearchAsync(user, search, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Selection> SelectAsync(UserKey user, RequestContext request, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(request);
        new SignalRules(_options.MaxTextLength).Text(request.Text, nameof(request));
        return _selection.SelectAsync(user, request, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<CandidateRanking> RankAsync(UserKey user, RequestContext request, IReadOnlyList<string> candidates, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(request);
        var rules = new SignalRules(_options.MaxTextLength);
        rules.Text(request.Text, nameof(request));
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("Give at least one candidate to rank.", nameof(candidates));
        }

        foreach (string candidate in candidates)
        {
            rules.Text(candidate, nameof(candidates));
        }

        return _ranking.RankAsync(user, request, candidates, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Principle>> ExplainAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        return _principles.ExplainAsync(user, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<TenantExplanation> ExplainTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ApiKeyFormat.ValidateTenant(tenantId);
        return _principles.ExplainTenantAsync(tenantId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<TrainingReport> TrainAsync(string tenantId, TrainingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        options ??= new TrainingOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Prototypes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.SkewRank, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 1, nameof(options));
        return _training.TrainAsync(tenantId, options, cancellationToken);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<PreferenceEvent> ExportAsync(UserKey user, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        user.Validate();
        await _states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await foreach (PreferenceEvent ev in Store.ReadEventsAsync(user, 0, cancellationToken).ConfigureAwait(false))
        {
            yield return ev;
        }
    }

    /// <inheritdoc/>
    public async Task<WriteResult> ImportAsync(UserKey user, IReadOnlyList<PreferenceEvent> events, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(events);
        var rules = new SignalRules(_options.MaxTextLength);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (PreferenceEvent ev in events)
        {
            ArgumentNullException.ThrowIfNull(ev, nameof(events));
            ArgumentException.ThrowIfNullOrWhiteSpace(ev.Id, nameof(events));
            if (!ids.Add(ev.Id))
            {
                throw new ArgumentException($"The event id '{ev.Id}' appears more than once.", nameof(events));
            }

            if (!_codecs.Knows(ev.Kind))
            {
                throw new ArgumentException($"The event '{ev.Id}' is of kind '{ev.Kind}', which no registered signal writes.", nameof(events));
            }

            PreferenceMetadata.Validate(ev.Metadata, nameof(events));
            if (ev.Text is not null)
            {
                rules.Text(ev.Text, nameof(events));
            }
            else if (ev.Kind != EventKind.Retraction && !ev.Redacted)
            {
                throw new ArgumentException($"The event '{ev.Id}' has no text and is not redacted.", nameof(events));
            }
        }

        await _states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<PreferenceEvent> existing = await Store.FindEventsAsync(user, ids, cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0)
        {
            throw new ArgumentException($"The event id '{existing[0].Id}' is already in the user's log.", nameof(events));
        }

        return await WriteAsync(user, [.. events.Select(static e => e with { Sequence = 0, Metadata = PreferenceMetadata.Freeze(e.Metadata) })], replaceAll: false, keyed: false, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Preference>> RebuildAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        await WriteAsync(user, [], replaceAll: true, keyed: false, cancellationToken).ConfigureAwait(false);
        return await ListAsync(user, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rejects an expiry given twice, a time to live that is not positive, or an expiry before the signal happened.</summary>
    private void ValidateExpiry(Signal signal)
    {
        if (signal.ExpiresAt is not null && signal.TimeToLive is not null)
        {
            throw new ArgumentException("Give either an expiry time or a time to live, not both.", "signals");
        }

        if (signal.TimeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            throw new ArgumentException("The time to live must be positive.", "signals");
        }

        DateTimeOffset at = signal.At ?? _time.GetUtcNow();
        if (signal.ExpiresAt is { } expires && expires <= at)
        {
            throw new ArgumentException("The expiry time must be later than when the signal happened.", "signals");
        }
    }

    /// <summary>
    /// The change that forgets preferences: removes them, erases the text of the signals they came from, and makes current
    /// again whatever they had superseded, as a replay of the redacted log would have it: a superseded version whose every
    /// source is erased too (an earlier version of an edited or narrowed preference, whose sources the new version carries)
    /// would not come back on a replay, so it is forgotten with it.
    /// </summary>
    // A filtered read goes to the store's metadata index (only the preferences that pass are read), not through the cache.
    private async Task<UserState> ReadFilteredAsync(UserKey user, MetadataFilter filter, CancellationToken cancellationToken)
    {
        await _states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        return await Store.GetStateAsync(user, filter, cancellationToken).ConfigureAwait(false);
    }

    private void ClearContentCaches()
    {
        foreach (IUserContentCache cache in _contentCaches)
        {
            cache.Clear();
        }
    }

    private UserChange ForgetChange(UserState state, IReadOnlyList<Preference> targets)
    {
        var ids = new HashSet<string>(targets.Select(static t => t.Id), StringComparer.Ordinal);
        var redact = new HashSet<string>(targets.SelectMany(static t => t.Sources), StringComparer.Ordinal);
        var restore = new List<Preference>();
        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach (Preference p in state.Preferences)
            {
                if (p.SupersededBy is { } by && ids.Contains(by) && !ids.Contains(p.Id) && p.Sources.Count > 0 && p.Sources.All(redact.Contains))
                {
                    ids.Add(p.Id);
                    grew = true;
                }
            }
        }

        foreach (Preference p in state.Preferences)
        {
            if (p.SupersededBy is { } by && ids.Contains(by) && !ids.Contains(p.Id))
            {
                restore.Add(p with { SupersededBy = null });
            }
        }

        DateTimeOffset now = _time.GetUtcNow();
        return new UserChange
        {
            ExpectedVersion = state.Version,
            Append = [.. targets.Select(t => new PreferenceEvent { Id = NewEventId(), Kind = EventKind.Retraction, Target = t.Id, At = now })],
            Delete = [.. ids],
            Upsert = restore,
            Redact = [.. redact],
        };
    }

    private static SemaphoreSlim[] CreateLocks()
    {
        var locks = new SemaphoreSlim[LockStripes];
        for (int i = 0; i < locks.Length; i++)
        {
            locks[i] = new SemaphoreSlim(1, 1);
        }

        return locks;
    }

    /// <summary>Checks that the events a key names hold what this write asks for, so a key reused for another request is refused.</summary>
    private void CheckSameRequest(IReadOnlyList<PreferenceEvent> stored, IReadOnlyList<PreferenceEvent> asked)
    {
        foreach (PreferenceEvent found in stored)
        {
            PreferenceEvent? wanted = asked.FirstOrDefault(e => string.Equals(e.Id, found.Id, StringComparison.Ordinal));
            if (wanted is not null && !found.Redacted
                && (found.Kind != wanted.Kind || !_codecs.ForKind(found.Kind).IsSameRequest(found, wanted) || !PreferenceMetadata.AreEqual(found.Metadata, wanted.Metadata)))
            {
                throw new IdempotencyKeyReusedException();
            }
        }
    }

    private SemaphoreSlim LockFor(UserKey user) => _locks[(user.GetHashCode() & int.MaxValue) % LockStripes];

    private string NewEventId() => "ev_" + Guid.CreateVersion7(_time.GetUtcNow()).ToString("N");

    private async Task<WriteResult> WriteAsync(UserKey user, IReadOnlyList<PreferenceEvent> events, bool replaceAll, bool keyed, CancellationToken cancellationToken, IReadOnlyDictionary<PreferenceEvent, Signal>? written = null)
    {
        long started = Stopwatch.GetTimestamp();
        LearningPass? pass = null;
        IReadOnlyList<PreferenceEvent>? replayed = null;
        int replayedCount = 0;
        IReadOnlyList<PreferenceEvent> appended;
        try
        {
            appended = await CommitWithRetryAsync(
                user,
                async (snapshot, ct) =>
                {
                    // A pass planned before a conflicting write is abandoned: its learners forget what they learned in it.
                    pass?.Complete(null);
                    pass = null;
                    replayed = null;
                    if (keyed)
                    {
                        IReadOnlyList<PreferenceEvent> found = await Store.FindEventsAsync(user, [.. events.Select(static e => e.Id)], ct).ConfigureAwait(false);
                        if (found.Count > 0)
                        {
                            CheckSameRequest(found, events);
                            replayed = found;
                            return null;
                        }
                    }

                    IReadOnlyList<PreferenceEvent> entries = events;
                    if (replaceAll)
                    {
                        var all = new List<PreferenceEvent>();
                        await foreach (PreferenceEvent ev in Store.ReadEventsAsync(user, 0, ct).ConfigureAwait(false))
                        {
                            all.Add(ev);
                        }

                        entries = all;
                    }

                    replayedCount = entries.Count;
                    pass = await _pipeline.RunAsync(user, snapshot.State, entries, replaceAll, ct, replaceAll ? null : written).ConfigureAwait(false);
                    return new UserChange
                    {
                        ExpectedVersion = snapshot.State.Version,
                        Append = replaceAll ? [] : events,
                        Upsert = replaceAll ? pass.Preferences.All : [.. pass.Preferences.Changed.Values],
                        ReplaceAllPreferences = replaceAll,
                        UpsertModels = pass.Models.Changed,
                        ReplaceAllModels = replaceAll,
                    };
                },
                cancellationToken,
                committed: state => pass?.Complete(state.Position)).ConfigureAwait(false);
        }
        catch
        {
            pass?.Complete(null);
            throw;
        }

        if (replayed is not null)
        {
            return new WriteResult(replayed, [], [], []) { Replayed = true };
        }

        if (replaceAll)
        {
            Log.Rebuilt(_logger, replayedCount);
        }

        (int created, int reinforced, int superseded) = pass!.Preferences.Counts();
        Log.Wrote(_logger, appended.Count, created, reinforced, superseded);
        if (PenchantTelemetry.WriteDuration.Enabled)
        {
            PenchantTelemetry.WriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        (IReadOnlyList<Preference> c, IReadOnlyList<Preference> r, IReadOnlyList<Preference> s) = pass.Preferences.Outcome();
        return new WriteResult(appended, c, r, s);
    }

    /// <summary>
    /// Computes a change from the user's current state and commits it, serialized per user in process and retried from a
    /// fresh read when another process moved the log on (optimistic concurrency). A plan that returns no change commits nothing.
    /// </summary>
    private async Task<IReadOnlyList<PreferenceEvent>> CommitWithRetryAsync(
        UserKey user,
        Func<UserSnapshot, CancellationToken, Task<UserChange?>> plan,
        CancellationToken cancellationToken,
        Action<UserState>? committed = null)
    {
        SemaphoreSlim gate = LockFor(user);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                UserSnapshot snapshot = attempt > 1
                    ? await _states.ReloadAsync(user, cancellationToken).ConfigureAwait(false)
                    : await _states.GetAsync(user, cancellationToken).ConfigureAwait(false);
                UserChange? change = await plan(snapshot, cancellationToken).ConfigureAwait(false);
                if (change is null)
                {
                    return [];
                }

                // The webhook deliveries that report the change are committed with it, in its transaction.
                if (_outbox is not null && WebhookNotice.Of(snapshot.State, change) is { IsEmpty: false } notice)
                {
                    change = change with { Deliveries = await _outbox.PlanAsync(user, notice, cancellationToken).ConfigureAwait(false) };
                }

                try
                {
                    IReadOnlyList<PreferenceEvent> appended = await Store.CommitAsync(user, change, cancellationToken).ConfigureAwait(false);

                    // The next write for this user plans from what was just committed, without reading it back.
                    UserState after = snapshot.State.After(change, appended.Count);
                    _states.Put(user, new UserSnapshot(after));
                    committed?.Invoke(after);
                    return appended;
                }
                catch (ConcurrencyException) when (attempt < MaxWriteAttempts)
                {
                    Log.WriteConflict(_logger, attempt);

                    // Another process wrote for this user at the same moment: back off a random while that doubles with each
                    // attempt, so that writers which collided do not collide again in lockstep. Real time on purpose: this
                    // waits for another process, not for the clock the engine reads its dates from.
                    await Task.Delay(ConflictBackoff(attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
