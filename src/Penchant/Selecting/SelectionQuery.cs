using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Penchant.Diagnostics;
using Penchant.Domain;
using Penchant.Language;
using Penchant.Learning.Gating;
using Penchant.Learning.Edits;
using Penchant.Storage;

namespace Penchant.Selecting;

/// <summary>The selection query: which of a user's preferences apply to a request, with probabilities, reasons and a prompt block.</summary>
/// <remarks>Thread-safe. Reads state, never writes it.</remarks>
internal sealed class SelectionQuery(
    UserStateCache states,
    EditStyles edits,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IOptions<PenchantOptions> options,
    IPreferenceStore store,
    ILogger<SelectionQuery>? logger = null,
    TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly PreferenceGate _gate = new();
    private readonly GateBackground _background = new(embeddings, store);
    private readonly PenchantOptions _options = options.Value;
    private readonly ILogger _logger = logger ?? NullLogger<SelectionQuery>.Instance;
    private readonly Lazy<NearScopeModel?> _nearScope = new(() => NearScopeModel.FromSetting(options.Value.NearScopeModel));

    /// <summary>Gets the gate (ranking asks it which preferences bear on a request).</summary>
    public PreferenceGate Gate => _gate;

    /// <summary>Selects the user's preferences that apply to a request.</summary>
    public async Task<Selection> SelectAsync(UserKey user, RequestContext request, CancellationToken cancellationToken)
    {
        using Activity? activity = PenchantTelemetry.ActivitySource.StartActivity("penchant.select");
        long started = Stopwatch.GetTimestamp();

        UserSnapshot snapshot = await states.GetAsync(user, cancellationToken).ConfigureAwait(false);
        PreparedUser preparedUser = await PrepareUserAsync(snapshot, cancellationToken).ConfigureAwait(false);
        List<PreparedPreference> prepared = Admit(preparedUser.Preferences, request.Filter);
        EditMemory? memory = await edits.MemoryAsync(user, snapshot.State, cancellationToken).ConfigureAwait(false);
        if (prepared.Count == 0 && memory is null)
        {
            return Selection.Empty;
        }

        GateRefinement refinement = prepared.Count == 0 ? GateRefinement.None : await RefinementAsync(user, preparedUser, cancellationToken).ConfigureAwait(false);
        RequestView view = await ViewAsync(request, cancellationToken, withParts: NearScope is not null && prepared.Exists(static p => p.Qualifiers.Length > 0)).ConfigureAwait(false);
        Selection selection = SelectPrepared(prepared, view, memory is null ? [] : memory.Infer(view.Vector), refinement, request.IncludeNearMisses);

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

    /// <summary>Selects for an already-embedded request (the scoring path, without I/O).</summary>
    public Selection SelectPrepared(IReadOnlyList<PreparedPreference> prepared, RequestView request) => SelectPrepared(prepared, request, []);

    /// <summary>
    /// Selects for an already-embedded request, with the styles the user's edits ask for and the user's refinement of the gate
    /// (the scoring path, without I/O); the near misses only when asked for (<see cref="RequestContext.IncludeNearMisses"/>);
    /// with another <paramref name="gate"/> than the shipped one when given (the selection evaluation scores a model file with it).
    /// </summary>
    public Selection SelectPrepared(IReadOnlyList<PreparedPreference> prepared, RequestView request, IReadOnlyList<StylePreference> styles, GateRefinement? refinement = null, bool includeNearMisses = false, PreferenceGate? gate = null)
    {
        List<SelectedPreference>? nearMisses = includeNearMisses ? new List<SelectedPreference>(Selection.MaxNearMisses) : null;
        List<SelectedPreference> selected = prepared.Count == 0 ? [] : (gate ?? _gate).Select(request, prepared, _options.SelectionThreshold, refinement, nearMisses, Selection.MaxNearMisses);
        List<SelectedPreference> excluded = ScopeExclusions.Apply(selected, prepared, request);
        if (_options.SituationZ is { } situationZ)
        {
            excluded.AddRange(ScopeSituations.Apply(selected, prepared, request, situationZ, _options.SituationQualifierZ, NearScope));
        }

        return selected.Count == 0 && styles.Count == 0 && excluded.Count == 0 && nearMisses is null or { Count: 0 }
            ? Selection.Empty
            : new Selection(selected, selected.Count == 0 && styles.Count == 0 ? string.Empty : PromptRenderer.Render(selected, styles, _options.PromptTokenBudget)) { Styles = styles, Excluded = excluded, NearMisses = nearMisses ?? [] };
    }

    /// <summary>Computes the gate's features for every current preference of a user against a request (for fitting the gate).</summary>
    public async Task<IReadOnlyList<(Preference Preference, GateFeatures Features)>> MeasureAsync(UserKey user, RequestContext request, CancellationToken cancellationToken)
    {
        IReadOnlyList<PreparedPreference> prepared = await PrepareAsync(user, cancellationToken).ConfigureAwait(false);
        GateFeatures[] features = PreferenceGate.MeasureAll(await ViewAsync(request, cancellationToken).ConfigureAwait(false), prepared);
        return [.. prepared.Select((p, i) => (p.Preference, features[i]))];
    }

    /// <summary>Gets the prepared current preferences of a user.</summary>
    public async Task<IReadOnlyList<PreparedPreference>> PrepareAsync(UserKey user, CancellationToken cancellationToken)
        => await PrepareAsync(await states.GetAsync(user, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Gets what selection reads for a snapshot, computing it on first use: writes, lists and exports never need it.</summary>
    public async Task<List<PreparedPreference>> PrepareAsync(UserSnapshot snapshot, CancellationToken cancellationToken)
        => Admit((await PrepareUserAsync(snapshot, cancellationToken).ConfigureAwait(false)).Preferences, MetadataFilter.None);

    /// <summary>Prepares preferences for the gate (for example those a learner holds while it replays a log).</summary>
    /// <param name="current">The current preferences.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The prepared preferences, in order.</returns>
    public Task<List<PreparedPreference>> PrepareAsync(IReadOnlyList<Preference> current, CancellationToken cancellationToken)
        => PrepareCurrentAsync(current, cancellationToken);

    private async Task<PreparedUser> PrepareUserAsync(UserSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.Derived<PreparedUser>() is { } ready)
        {
            return ready;
        }

        var prepared = new PreparedUser(await PrepareCurrentAsync(snapshot.State.Preferences.Where(static p => p.IsCurrent).ToList(), cancellationToken).ConfigureAwait(false));
        snapshot.KeepDerived(prepared);
        return prepared;
    }

    /// <summary>Gets the user's refinement of the gate (<see cref="GateRefinementLearner"/>), read once per snapshot: it changes only with the log.</summary>
    private async Task<GateRefinement> RefinementAsync(UserKey user, PreparedUser prepared, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref prepared.Refinement) is { } known)
        {
            return known;
        }

        StoredModel? stored = await states.Store.GetUserModelAsync(user, GateRefinement.ModelName, cancellationToken).ConfigureAwait(false);
        GateRefinement refinement = stored is null ? GateRefinement.None : GateRefinement.FromBytes(stored.Payload.Span);
        Volatile.Write(ref prepared.Refinement, refinement);
        return refinement;
    }

    /// <summary>
    /// Leaves out the preferences that expired by now (checked at every query: the cached list outlives an expiry) and those
    /// the request's metadata filter excludes; the list itself when nothing is left out.
    /// </summary>
    private List<PreparedPreference> Admit(List<PreparedPreference> prepared, MetadataFilter filter)
    {
        DateTimeOffset now = _time.GetUtcNow();
        int keep = 0;
        foreach (PreparedPreference p in prepared)
        {
            if (Admits(p.Preference, filter, now))
            {
                keep++;
            }
        }

        if (keep == prepared.Count)
        {
            return prepared;
        }

        var admitted = new List<PreparedPreference>(keep);
        foreach (PreparedPreference p in prepared)
        {
            if (Admits(p.Preference, filter, now))
            {
                admitted.Add(p);
            }
        }

        return admitted;
    }

    private static bool Admits(Preference preference, MetadataFilter filter, DateTimeOffset now)
        => !preference.IsExpiredAt(now) && filter.Matches(preference.Metadata);

    /// <summary>
    /// Embeds a request and its situation (see <see cref="RequestView.Situation(string)"/>), and its parts when asked for (see
    /// <see cref="RequestPart"/>), in one call and prepares it for the gate.
    /// </summary>
    public async Task<RequestView> ViewAsync(RequestContext request, CancellationToken cancellationToken, bool withParts = false)
    {
        string? situation = RequestView.Situation(request.Text);
        List<string> texts = situation is null ? [request.Text] : [request.Text, situation];
        int first = texts.Count;
        if (withParts)
        {
            texts.AddRange(RequestPart.Split(request.Text));
        }

        GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new RequestView(request, vectors[0].Vector, situation is null ? default : vectors[1].Vector)
        {
            Parts = [.. texts.Skip(first).Select((t, i) => new RequestPart(t, vectors[first + i].Vector.ToArray()))],
        };
    }

    /// <summary>Gets the learned near-scope test the situation filter uses (<see cref="PenchantOptions.NearScopeModel"/>), or <see langword="null"/> when it is off.</summary>
    private NearScopeModel? NearScope => _nearScope.Value;

    /// <summary>The phrases a request is compared with: the kinds of requests a preference affects and its in-scope examples.</summary>
    private static IEnumerable<string> HintPhrases(ApplicabilityHints hints) => hints.RequestKinds.Concat(hints.InScopeExamples);

    private async Task<List<PreparedPreference>> PrepareCurrentAsync(IReadOnlyList<Preference> current, CancellationToken cancellationToken)
    {
        Dictionary<string, float[]> phrases = await PhraseEmbeddings.EmbedAsync(
            embeddings,
            current.SelectMany(static p => HintPhrases(p.Hints).Append(PreparedPreference.ScopePhrase(p)).Append(p.Hints.ChainsTo).Append(ScopeSituations.Phrase(p)).Concat(p.Scope.Exclusions).Concat(ScopeSituations.Qualifiers(p)).Concat(ScopeSituations.Generals(p))),
            cancellationToken).ConfigureAwait(false);
        float[][] background = current.Count == 0 ? [] : await _background.VectorsAsync(cancellationToken).ConfigureAwait(false);
        var prepared = new List<PreparedPreference>(current.Count);
        foreach (Preference p in current)
        {
            (double mean, double spread) = GateBackground.Measure(p.Embedding.Span, background);
            float[][] hints = [.. HintPhrases(p.Hints).Select(k => phrases[k])];
            string? scope = PreparedPreference.ScopePhrase(p);
            string? situation = ScopeSituations.Phrase(p);
            (double situationMean, double situationSpread) = situation is null ? (0, 1) : GateBackground.Measure(phrases[situation], background);
            prepared.Add(new PreparedPreference(
                p,
                TextTools.ContentStems(p.Text),
                hints,
                scope is null ? null : phrases[scope],
                scope is null ? [] : TextTools.ContentStems(scope),
                p.Hints.ChainsTo is { } chain ? phrases[chain] : null)
            {
                BackgroundMean = mean,
                BackgroundSpread = spread,
                NeighbourhoodVector = GateBackground.Neighbourhood(p.Embedding.Span, background),
                ExclusionVectors = [.. p.Scope.Exclusions.Select(e => phrases[e])],
                Situation = situation,
                SituationVector = situation is null ? [] : phrases[situation],
                SituationMean = situationMean,
                SituationSpread = situationSpread,
                Qualifiers = ScopeSituations.PrepareQualifiers(p, phrases, background),
            });
        }

        return prepared;
    }

    /// <summary>What selection derives from one snapshot: the prepared preferences, and the user's refinement once read.</summary>
    private sealed class PreparedUser(List<PreparedPreference> preferences)
    {
        public List<PreparedPreference> Preferences { get; } = preferences;

        public GateRefinement? Refinement;
    }
}
