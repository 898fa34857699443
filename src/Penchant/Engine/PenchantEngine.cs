using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Penchant.Diagnostics;
using Penchant.Domain;
using Penchant.Language;
using Penchant.Learning.Feedback;
using Penchant.Learning.Statements;
using Penchant.Selecting;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Engine;

/// <summary>The default <see cref="IPenchant"/>: an event-sourced preference memory over an <see cref="IPreferenceStore"/>.</summary>
/// <remarks>
/// Thread-safe. Writes for one user are serialized in process and guarded by optimistic concurrency in the store, so two
/// processes sharing a store never lose a write. Each user's prepared state is cached in memory, keyed by the log version.
/// </remarks>
public sealed partial class PenchantEngine : IPenchant
{
    private const int LockStripes = 64;
    private const int MaxWriteAttempts = 5;

    private readonly IPreferenceStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly IPreferenceExtractor _extractor;
    private readonly IApplicabilityHinter _hinter;
    private readonly PenchantOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PreferenceGate _gate = new();
    private readonly SemaphoreSlim[] _locks = CreateLocks();
    private readonly ConcurrentDictionary<UserKey, Snapshot> _snapshots = new();
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Initializes a new instance of the <see cref="PenchantEngine"/> class.</summary>
    /// <param name="store">Where events and preferences are kept.</param>
    /// <param name="embeddings">The sentence embedding model.</param>
    /// <param name="extractor">Finds preferences in statements and turns.</param>
    /// <param name="hinter">Attaches applicability hints at write time.</param>
    /// <param name="options">The engine options.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="reactionClassifier">Reads reactions; a <see cref="RuleBasedReactionClassifier"/> over <paramref name="embeddings"/> when <see langword="null"/>.</param>
    public PenchantEngine(
        IPreferenceStore store,
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        IPreferenceExtractor extractor,
        IApplicabilityHinter hinter,
        IOptions<PenchantOptions> options,
        TimeProvider? timeProvider = null,
        ILogger<PenchantEngine>? logger = null,
        IReactionClassifier? reactionClassifier = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(hinter);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _embeddings = embeddings;
        _extractor = extractor;
        _hinter = hinter;
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<PenchantEngine>.Instance;
        _reactionClassifier = reactionClassifier ?? new RuleBasedReactionClassifier(embeddings);
    }

    /// <inheritdoc/>
    public Task<WriteResult> RememberAsync(UserKey user, Statement statement, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(statement);
        ValidateText(statement.Text, nameof(statement));
        if (statement.Scope is not null)
        {
            ValidateText(statement.Scope, nameof(statement));
        }

        var ev = new PreferenceEvent
        {
            Id = NewEventId(),
            Kind = EventKind.Statement,
            Text = statement.Text.Trim(),
            Scope = statement.Scope?.Trim(),
            At = statement.At ?? _time.GetUtcNow(),
        };
        return WriteAsync(user, [ev], replaceAll: false, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<WriteResult> ObserveAsync(UserKey user, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(turns);
        var events = new List<PreferenceEvent>(turns.Count);
        DateTimeOffset now = _time.GetUtcNow();
        foreach (ConversationTurn turn in turns)
        {
            ArgumentNullException.ThrowIfNull(turn, nameof(turns));
            ArgumentException.ThrowIfNullOrWhiteSpace(turn.Role, nameof(turns));
            ValidateText(turn.Content, nameof(turns));
            events.Add(new PreferenceEvent
            {
                Id = NewEventId(),
                Kind = EventKind.Turn,
                Role = turn.Role.ToLowerInvariant(),
                Text = turn.Content,
                At = turn.At ?? now,
            });
        }

        return events.Count == 0
            ? Task.FromResult(new WriteResult([], [], [], []))
            : WriteAsync(user, events, replaceAll: false, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Preference>> ListAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        Snapshot snapshot = await GetSnapshotAsync(user, reload: false, cancellationToken).ConfigureAwait(false);
        return [.. snapshot.State.Preferences.Where(static p => p.IsCurrent)];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Preference>> HistoryAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        Snapshot snapshot = await GetSnapshotAsync(user, reload: false, cancellationToken).ConfigureAwait(false);
        return snapshot.State.Preferences;
    }

    /// <inheritdoc/>
    public Task ForgetAsync(UserKey user, string preferenceId, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(preferenceId);
        return CommitWithRetryAsync(
            user,
            (snapshot, _) =>
            {
                Preference target = snapshot.State.Preferences.FirstOrDefault(p => p.Id == preferenceId)
                    ?? throw new NotFoundException($"The user has no preference '{preferenceId}'.");

                // Whatever this preference had superseded becomes current again, as a replay of the redacted log would have it.
                var restore = new List<Preference>();
                foreach (Preference p in snapshot.State.Preferences)
                {
                    if (p.SupersededBy == preferenceId)
                    {
                        restore.Add(p with { SupersededBy = null });
                    }
                }

                var change = new UserChange
                {
                    ExpectedVersion = snapshot.State.Version,
                    Append = [new PreferenceEvent { Id = NewEventId(), Kind = EventKind.Retraction, Target = preferenceId, At = _time.GetUtcNow() }],
                    Delete = [preferenceId],
                    Upsert = restore,
                    Redact = target.Sources,
                };
                return Task.FromResult((change, target.Sources.Count));
            },
            (redacted, _) => Log.Forgot(_logger, preferenceId, redacted),
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<bool> ForgetUserAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        SemaphoreSlim gate = LockFor(user);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
            bool existed = await _store.DeleteUserAsync(user, cancellationToken).ConfigureAwait(false);
            _snapshots.TryRemove(user, out _);
            Log.ForgotUser(_logger, existed);
            return existed;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<Selection> SelectAsync(UserKey user, RequestContext request, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(request);
        ValidateText(request.Text, nameof(request));
        using Activity? activity = PenchantTelemetry.ActivitySource.StartActivity("penchant.select");
        long started = Stopwatch.GetTimestamp();

        Snapshot snapshot = await GetSnapshotAsync(user, reload: false, cancellationToken).ConfigureAwait(false);
        List<PreparedPreference> prepared = await GetPreparedAsync(snapshot, cancellationToken).ConfigureAwait(false);
        if (prepared.Count == 0)
        {
            return Selection.Empty;
        }

        Selection selection = SelectPrepared(prepared, await ViewAsync(request, cancellationToken).ConfigureAwait(false));

        double elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (PenchantTelemetry.SelectDuration.Enabled)
        {
            PenchantTelemetry.SelectDuration.Record(elapsed);
        }

        PenchantTelemetry.Selected.Add(selection.Preferences.Count);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("penchant.preferences.candidates", prepared.Count);
            activity.SetTag("penchant.preferences.selected", selection.Preferences.Count);
        }

        Log.Selected(_logger, selection.Preferences.Count, prepared.Count, elapsed * 1000);
        return selection;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<PreferenceEvent> ExportAsync(UserKey user, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        user.Validate();
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await foreach (PreferenceEvent ev in _store.ReadEventsAsync(user, 0, cancellationToken).ConfigureAwait(false))
        {
            yield return ev;
        }
    }

    /// <inheritdoc/>
    public async Task<WriteResult> ImportAsync(UserKey user, IReadOnlyList<PreferenceEvent> events, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(events);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (PreferenceEvent ev in events)
        {
            ArgumentNullException.ThrowIfNull(ev, nameof(events));
            ArgumentException.ThrowIfNullOrWhiteSpace(ev.Id, nameof(events));
            if (!ids.Add(ev.Id))
            {
                throw new ArgumentException($"The event id '{ev.Id}' appears more than once.", nameof(events));
            }

            if (ev.Text is not null)
            {
                ValidateText(ev.Text, nameof(events));
            }
            else if (ev.Kind != EventKind.Retraction && !ev.Redacted)
            {
                throw new ArgumentException($"The event '{ev.Id}' has no text and is not redacted.", nameof(events));
            }
        }

        await foreach (PreferenceEvent existing in ExportAsync(user, cancellationToken).ConfigureAwait(false))
        {
            if (ids.Contains(existing.Id))
            {
                throw new ArgumentException($"The event id '{existing.Id}' is already in the user's log.", nameof(events));
            }
        }

        return await WriteAsync(user, [.. events.Select(static e => e with { Sequence = 0 })], replaceAll: false, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Preference>> RebuildAsync(UserKey user, CancellationToken cancellationToken = default)
    {
        user.Validate();
        await WriteAsync(user, [], replaceAll: true, cancellationToken).ConfigureAwait(false);
        return await ListAsync(user, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Selects for an already-embedded request (the scoring path, without I/O).</summary>
    internal Selection SelectPrepared(IReadOnlyList<PreparedPreference> prepared, RequestView request)
    {
        List<SelectedPreference> selected = _gate.Select(request, prepared, _options.SelectionThreshold);
        return selected.Count == 0 ? Selection.Empty : new Selection(selected, PromptRenderer.Render(selected, _options.PromptTokenBudget));
    }

    /// <summary>Computes the gate's features for every current preference of a user against a request (for fitting the gate).</summary>
    internal async Task<IReadOnlyList<(Preference Preference, GateFeatures Features)>> MeasureAsync(UserKey user, RequestContext request, CancellationToken cancellationToken)
    {
        IReadOnlyList<PreparedPreference> prepared = await PrepareAsync(user, cancellationToken).ConfigureAwait(false);
        GateFeatures[] features = PreferenceGate.MeasureAll(await ViewAsync(request, cancellationToken).ConfigureAwait(false), prepared);
        return [.. prepared.Select((p, i) => (p.Preference, features[i]))];
    }

    /// <summary>Embeds a request and its situation (see <see cref="RequestView.Situation(string)"/>) in one call and prepares it for the gate.</summary>
    private async Task<RequestView> ViewAsync(RequestContext request, CancellationToken cancellationToken)
    {
        string? situation = RequestView.Situation(request.Text);
        GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync(situation is null ? [request.Text] : [request.Text, situation], cancellationToken: cancellationToken).ConfigureAwait(false);
        return new RequestView(request, vectors[0].Vector, situation is null ? default : vectors[1].Vector);
    }

    /// <summary>Gets the prepared current preferences of a user (for benchmarks and evaluation).</summary>
    internal async Task<IReadOnlyList<PreparedPreference>> PrepareAsync(UserKey user, CancellationToken cancellationToken)
        => await GetPreparedAsync(await GetSnapshotAsync(user, reload: false, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private static SemaphoreSlim[] CreateLocks()
    {
        var locks = new SemaphoreSlim[LockStripes];
        for (int i = 0; i < locks.Length; i++)
        {
            locks[i] = new SemaphoreSlim(1, 1);
        }

        return locks;
    }

    private SemaphoreSlim LockFor(UserKey user) => _locks[(user.GetHashCode() & int.MaxValue) % LockStripes];

    private void ValidateText(string text, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text, parameterName);
        if (text.Length > _options.MaxTextLength)
        {
            throw new ArgumentException($"The text is {text.Length} characters long; the limit is {_options.MaxTextLength}.", parameterName);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The text contains a NUL character.", parameterName);
        }
    }

    private string NewEventId() => "ev_" + Guid.CreateVersion7(_time.GetUtcNow()).ToString("N");

    private async Task<WriteResult> WriteAsync(UserKey user, IReadOnlyList<PreferenceEvent> events, bool replaceAll, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        (Outcome outcome, int replayed) = (new Outcome(), 0);
        IReadOnlyList<PreferenceEvent> appended = await CommitWithRetryAsync(
            user,
            async (snapshot, ct) =>
            {
                IReadOnlyList<PreferenceEvent> replay = events;
                var working = new List<Preference>(snapshot.State.Preferences);
                if (replaceAll)
                {
                    var all = new List<PreferenceEvent>();
                    await foreach (PreferenceEvent ev in _store.ReadEventsAsync(user, 0, ct).ConfigureAwait(false))
                    {
                        all.Add(ev);
                    }

                    replay = all;
                    working.Clear();
                }

                outcome = new Outcome();
                replayed = replay.Count;
                foreach (PreferenceEvent ev in replay)
                {
                    await ApplyAsync(working, ev, outcome, ct).ConfigureAwait(false);
                }

                var change = new UserChange
                {
                    ExpectedVersion = snapshot.State.Version,
                    Append = replaceAll ? [] : events,
                    Upsert = replaceAll ? working : outcome.Changed.Values.ToList(),
                    ReplaceAllPreferences = replaceAll,
                };
                return (change, 0);
            },
            (_, committed) =>
            {
                if (replaceAll)
                {
                    Log.Rebuilt(_logger, replayed);
                }

                Log.Wrote(_logger, committed.Count, outcome.Created.Count, outcome.Reinforced.Count, outcome.Superseded.Count);
            },
            cancellationToken).ConfigureAwait(false);

        if (PenchantTelemetry.WriteDuration.Enabled)
        {
            PenchantTelemetry.WriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        return new WriteResult(appended, outcome.Final(outcome.Created), outcome.Final(outcome.Reinforced), outcome.Final(outcome.Superseded));
    }

    /// <summary>
    /// Computes a change from the user's current state and commits it, serialized per user in process and retried from a
    /// fresh read when another process moved the log on (optimistic concurrency).
    /// </summary>
    private async Task<IReadOnlyList<PreferenceEvent>> CommitWithRetryAsync<T>(
        UserKey user,
        Func<Snapshot, CancellationToken, Task<(UserChange Change, T State)>> plan,
        Action<T, IReadOnlyList<PreferenceEvent>> committed,
        CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = LockFor(user);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                Snapshot snapshot = await GetSnapshotAsync(user, reload: attempt > 1, cancellationToken).ConfigureAwait(false);
                (UserChange change, T state) = await plan(snapshot, cancellationToken).ConfigureAwait(false);
                try
                {
                    IReadOnlyList<PreferenceEvent> appended = await _store.CommitAsync(user, change, cancellationToken).ConfigureAwait(false);

                    // The next write for this user plans from what was just committed, without reading it back.
                    Cache(user, new Snapshot(snapshot.State.After(change, appended.Count)));
                    committed(state, appended);
                    return appended;
                }
                catch (ConcurrencyException) when (attempt < MaxWriteAttempts)
                {
                    Log.WriteConflict(_logger, attempt);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs one event through the learners, updating the working set of preferences.</summary>
    private async Task ApplyAsync(List<Preference> working, PreferenceEvent ev, Outcome outcome, CancellationToken cancellationToken)
    {
        if (ev.Text is null || ev.Redacted)
        {
            return;
        }

        string? previousAssistant = outcome.LastAssistant;
        outcome.LastAssistant = ev.Kind == EventKind.Turn && string.Equals(ev.Role, ConversationTurn.AssistantRole, StringComparison.Ordinal)
            ? ev.Text
            : ev.Kind == EventKind.Turn ? null : outcome.LastAssistant;

        IReadOnlyList<ExtractedPreference> extracted = ev.Kind switch
        {
            EventKind.Statement => [await _extractor.FromStatementAsync(ev.Text, ev.Scope, cancellationToken).ConfigureAwait(false)],
            EventKind.Turn when string.Equals(ev.Role, ConversationTurn.UserRole, StringComparison.Ordinal)
                => await FromUserTurnAsync(ev.Text, previousAssistant, cancellationToken).ConfigureAwait(false),
            EventKind.Reaction => ApplyReaction(working, ev, outcome),
            _ => [],
        };

        for (int k = 0; k < extracted.Count; k++)
        {
            ExtractedPreference x = extracted[k];
            GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync([x.Text], cancellationToken: cancellationToken).ConfigureAwait(false);
            ReadOnlyMemory<float> vector = vectors[0].Vector;
            List<Preference> current = working.FindAll(static p => p.IsCurrent);
            Reconciler.Decision decision = Reconciler.Decide(x, vector.Span, current, _options);
            if (decision.Kind == Reconciler.DecisionKind.Reinforce)
            {
                Preference existing = decision.Existing!;
                Preference reinforced = existing with
                {
                    Sources = [.. existing.Sources, ev.Id],
                    UpdatedAt = ev.At,
                    Strength = Math.Max(existing.Strength, x.Strength),
                    Confidence = Math.Min(0.99, Math.Max(existing.Confidence, x.Confidence) + 0.02),
                };
                Replace(working, reinforced, outcome);
                outcome.Reinforced.Add(reinforced.Id);
                continue;
            }

            if (current.Count >= _options.MaxPreferencesPerUser && decision.Kind == Reconciler.DecisionKind.Create)
            {
                throw new ArgumentException($"The user already has {current.Count} preferences, the limit ({nameof(PenchantOptions.MaxPreferencesPerUser)}).");
            }

            ApplicabilityHints hints = await _hinter.HintAsync(x, cancellationToken).ConfigureAwait(false);
            string id = "pf_" + ev.Id[(ev.Id.IndexOf('_', StringComparison.Ordinal) + 1)..] + (k == 0 ? string.Empty : "_" + k);
            var created = new Preference
            {
                Id = id,
                Text = x.Text,
                Kind = x.Kind,
                Polarity = x.Polarity,
                Strength = x.Strength,
                Scope = x.Scope,
                Sources = [ev.Id],
                Confidence = x.Confidence,
                CreatedAt = ev.At,
                UpdatedAt = ev.At,
                Hints = hints,
                Embedding = vector,
            };
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                Log.PreferenceText(_logger, id, x.Text);
            }

            if (decision.Kind == Reconciler.DecisionKind.Supersede)
            {
                Preference retired = decision.Existing! with { SupersededBy = id, UpdatedAt = ev.At };
                Replace(working, retired, outcome);
                outcome.Superseded.Add(retired.Id);
            }

            working.Add(created);
            outcome.Changed[created.Id] = created;
            outcome.Created.Add(created.Id);
        }
    }

    private static void Replace(List<Preference> working, Preference updated, Outcome outcome)
    {
        int index = working.FindIndex(p => p.Id == updated.Id);
        working[index] = updated;
        outcome.Changed[updated.Id] = updated;
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_initialized)
            {
                await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
                _initialized = true;
            }
        }
        finally
        {
            _initLock.Release();
        }
    }

    private async Task<Snapshot> GetSnapshotAsync(UserKey user, bool reload, CancellationToken cancellationToken)
    {
        if (!reload && _snapshots.TryGetValue(user, out Snapshot? cached))
        {
            return cached;
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        UserState state = await _store.GetStateAsync(user, cancellationToken).ConfigureAwait(false);
        var snapshot = new Snapshot(state);
        Cache(user, snapshot);
        return snapshot;
    }

    private void Cache(UserKey user, Snapshot snapshot)
    {
        if (_snapshots.Count >= _options.StateCacheSize)
        {
            _snapshots.Clear();
        }

        _snapshots[user] = snapshot;
    }

    /// <summary>The phrases a request is compared with: the kinds of requests a preference affects and its in-scope examples.</summary>
    private static IEnumerable<string> HintPhrases(ApplicabilityHints hints) => hints.RequestKinds.Concat(hints.InScopeExamples);

    /// <summary>Gets what selection reads for a snapshot, computing it on first use: writes, lists and exports never need it.</summary>
    private async Task<List<PreparedPreference>> GetPreparedAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref snapshot.Prepared) is { } ready)
        {
            return ready;
        }

        // Two concurrent first selections may both prepare; the results are equal and either may be kept.
        List<PreparedPreference> prepared = await PrepareAsync(snapshot.State, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref snapshot.Prepared, prepared);
        return prepared;
    }

    private async Task<List<PreparedPreference>> PrepareAsync(UserState state, CancellationToken cancellationToken)
    {
        var current = state.Preferences.Where(static p => p.IsCurrent).ToList();
        Dictionary<string, float[]> phrases = await EmbedPhrasesAsync(
            current.SelectMany(static p => HintPhrases(p.Hints).Append(PreparedPreference.ScopePhrase(p)).Append(p.Hints.ChainsTo)),
            cancellationToken).ConfigureAwait(false);
        var prepared = new List<PreparedPreference>(current.Count);
        foreach (Preference p in current)
        {
            float[][] hints = [.. HintPhrases(p.Hints).Select(k => phrases[k])];
            string? scope = PreparedPreference.ScopePhrase(p);
            prepared.Add(new PreparedPreference(
                p,
                TextTools.ContentStems(p.Text),
                hints,
                scope is null ? null : phrases[scope],
                scope is null ? [] : TextTools.ContentStems(scope),
                p.Hints.ChainsTo is { } chain ? phrases[chain] : null));
        }

        return prepared;
    }

    /// <summary>
    /// Embeds short phrases (hinted request kinds, scopes, chained rules, clause objects) in one call, each once. Keeping
    /// them across calls is the embedding generator's job (the local model caches by text; give a remote one a cache
    /// with <c>UseDistributedCache</c>), so the engine holds no unbounded copy of its users' words.
    /// </summary>
    private async Task<Dictionary<string, float[]>> EmbedPhrasesAsync(IEnumerable<string?> phrases, CancellationToken cancellationToken)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var unique = new List<string>();
        foreach (string? phrase in phrases)
        {
            if (phrase is not null && vectors.TryAdd(phrase, []))
            {
                unique.Add(phrase);
            }
        }

        if (unique.Count > 0)
        {
            GeneratedEmbeddings<Embedding<float>> generated = await _embeddings.GenerateAsync(unique, cancellationToken: cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < unique.Count; i++)
            {
                vectors[unique[i]] = generated[i].Vector.ToArray();
            }
        }

        return vectors;
    }

    private sealed class Snapshot(UserState state)
    {
        // Filled by GetPreparedAsync on the first selection for this version of the user's state.
        public List<PreparedPreference>? Prepared;

        public UserState State { get; } = state;
    }

    private sealed class Outcome
    {
        public Dictionary<string, Preference> Changed { get; } = new(StringComparer.Ordinal);

        public List<string> Created { get; } = [];

        public List<string> Reinforced { get; } = [];

        public List<string> Superseded { get; } = [];

        /// <summary>Gets or sets the assistant turn just before the event being applied (a choice among options refers to it).</summary>
        public string? LastAssistant { get; set; }

        public IReadOnlyList<Preference> Final(List<string> ids) => [.. ids.Distinct().Where(Changed.ContainsKey).Select(id => Changed[id])];
    }
}
