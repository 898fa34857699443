using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Penchant.Diagnostics;
using Penchant.Domain;
using Penchant.Language;
using Penchant.Learning.Ranking;
using Penchant.Ranking;
using Penchant.Selecting;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Engine;

/// <content>Ranking: comparisons, ratings and choices as signals; ranking candidates; training the tenant's ranking model.</content>
public sealed partial class PenchantEngine
{
    /// <summary>The name under which the tenant's ranking model and each user's part are stored.</summary>
    internal const string RankingModelName = "ranking";

    // How much stated preferences weigh against the learned model, in logits per unit of centred match.
    internal const double StatedScale = 10.0;

    // Preferences less likely than this to apply to the request are left out of ranking.
    private const double RelevanceFloor = 0.05;

    private const int EmbeddingBatch = 64;

    private readonly ConcurrentDictionary<string, List<PreferenceClause>> _clauses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Version, RewardModel Model)> _models = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public async Task<WriteResult> CompareAsync(UserKey user, Comparison comparison, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(comparison);
        ValidateText(comparison.Context, nameof(comparison));
        ValidateText(comparison.Preferred, nameof(comparison));
        ValidateText(comparison.Rejected, nameof(comparison));
        if (!Enum.IsDefined(comparison.Magnitude))
        {
            throw new ArgumentException($"The magnitude {(int)comparison.Magnitude} is not one of {string.Join(", ", Enum.GetNames<ComparisonMagnitude>())}.", nameof(comparison));
        }

        var data = new ComparisonData(comparison.Preferred, comparison.Rejected, (int)comparison.Magnitude);
        PreferenceEvent ev = SignalEvent(EventKind.Comparison, comparison.Context, JsonSerializer.Serialize(data, RankingJsonContext.Default.ComparisonData), comparison.At);
        WriteResult result = await WriteAsync(user, [ev], replaceAll: false, cancellationToken).ConfigureAwait(false);
        await LearnOnlineAsync(user, SignalPairs.FromEvents([ev]), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc/>
    public Task<WriteResult> RateAsync(UserKey user, Rating rating, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(rating);
        ValidateText(rating.Context, nameof(rating));
        ValidateText(rating.Response, nameof(rating));
        if (!double.IsFinite(rating.Minimum) || !double.IsFinite(rating.Maximum) || rating.Maximum <= rating.Minimum)
        {
            throw new ArgumentException("The rating scale needs a finite minimum below a finite maximum.", nameof(rating));
        }

        if (!double.IsFinite(rating.Score) || rating.Score < rating.Minimum || rating.Score > rating.Maximum)
        {
            throw new ArgumentException("The score must lie on the rating scale.", nameof(rating));
        }

        if (rating.Attribute is not null)
        {
            ValidateText(rating.Attribute, nameof(rating));
        }

        var data = new RatingData(rating.Response, rating.Score, rating.Minimum, rating.Maximum, rating.Attribute?.Trim().ToLowerInvariant());
        PreferenceEvent ev = SignalEvent(EventKind.Rating, rating.Context, JsonSerializer.Serialize(data, RankingJsonContext.Default.RatingData), rating.At);

        // A single rating has nothing to be compared with yet; training pairs it with the user's other ratings in the same context.
        return WriteAsync(user, [ev], replaceAll: false, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<WriteResult> ChooseAsync(UserKey user, Choice choice, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(choice);
        ValidateText(choice.Context, nameof(choice));
        ArgumentNullException.ThrowIfNull(choice.Candidates, nameof(choice));
        if (choice.Candidates.Count < 2)
        {
            throw new ArgumentException("A choice needs at least two candidates shown.", nameof(choice));
        }

        foreach (string candidate in choice.Candidates)
        {
            ValidateText(candidate, nameof(choice));
        }

        if (choice.Chosen < 0 || choice.Chosen >= choice.Candidates.Count)
        {
            throw new ArgumentException($"The chosen index {choice.Chosen} is not one of the {choice.Candidates.Count} candidates.", nameof(choice));
        }

        var data = new ChoiceData([.. choice.Candidates], choice.Chosen);
        PreferenceEvent ev = SignalEvent(EventKind.Choice, choice.Context, JsonSerializer.Serialize(data, RankingJsonContext.Default.ChoiceData), choice.At);
        WriteResult result = await WriteAsync(user, [ev], replaceAll: false, cancellationToken).ConfigureAwait(false);
        await LearnOnlineAsync(user, SignalPairs.FromEvents([ev]), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc/>
    public async Task<CandidateRanking> RankAsync(UserKey user, RequestContext request, IReadOnlyList<string> candidates, CancellationToken cancellationToken = default)
    {
        user.Validate();
        ArgumentNullException.ThrowIfNull(request);
        ValidateText(request.Text, nameof(request));
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            throw new ArgumentException("Give at least one candidate to rank.", nameof(candidates));
        }

        foreach (string candidate in candidates)
        {
            ValidateText(candidate, nameof(candidates));
        }

        using Activity? activity = PenchantTelemetry.ActivitySource.StartActivity("penchant.rank");
        long started = Stopwatch.GetTimestamp();
        Snapshot snapshot = await GetSnapshotAsync(user, reload: false, cancellationToken).ConfigureAwait(false);
        List<PreparedPreference> prepared = await GetPreparedAsync(snapshot, cancellationToken).ConfigureAwait(false);
        string[] texts = [request.Text, .. candidates];
        GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<float> context = vectors[0].Vector;
        RankingCandidate[] prepCandidates = ToCandidates(candidates, vectors, first: 1);

        var view = new RequestView(request, context);
        List<RankingPreference> applicable = prepared.Count == 0
            ? []
            : await PrepareRankingPreferencesAsync(_gate.Select(view, prepared, RelevanceFloor), view.Stems, cancellationToken).ConfigureAwait(false);
        (RewardModel? model, long modelVersion) = await LoadRankingModelAsync(user.TenantId, cancellationToken).ConfigureAwait(false);
        StoredModel? storedPart = await _store.GetUserModelAsync(user, RankingModelName, cancellationToken).ConfigureAwait(false);
        UserPart? part = storedPart is null ? null : UserPart.FromBytes(storedPart.Payload.Span);

        CandidateRanking ranking = RankPrepared(context, prepCandidates, applicable, model, modelVersion, part);
        double elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Log.Ranked(_logger, candidates.Count, applicable.Count, modelVersion, elapsed);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("penchant.candidates", candidates.Count);
            activity.SetTag("penchant.preferences.applicable", applicable.Count);
            activity.SetTag("penchant.model.version", modelVersion);
        }

        return ranking;
    }

    /// <inheritdoc/>
    public async Task<TrainingReport> TrainAsync(string tenantId, TrainingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        options ??= new TrainingOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Prototypes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.SkewRank, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 1, nameof(options));
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        var userIds = new List<string>();
        var userPairs = new List<List<TextPair>>();
        await foreach (string userId in _store.ListUsersAsync(tenantId, cancellationToken).ConfigureAwait(false))
        {
            var events = new List<PreferenceEvent>();
            await foreach (PreferenceEvent ev in _store.ReadEventsAsync(new UserKey(tenantId, userId), 0, cancellationToken).ConfigureAwait(false))
            {
                if (ev.Kind is EventKind.Comparison or EventKind.Rating or EventKind.Choice)
                {
                    events.Add(ev);
                }
            }

            List<TextPair> pairs = SignalPairs.FromEvents(events);
            if (pairs.Count > 0)
            {
                userIds.Add(userId);
                userPairs.Add(pairs);
            }
        }

        if (userIds.Count == 0)
        {
            return new TrainingReport(0, 0, 0, 0, 1);
        }

        var samples = new List<PairSample>();
        var cache = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (int u = 0; u < userPairs.Count; u++)
        {
            samples.AddRange(await BuildSamplesAsync(userPairs[u], u, cache, cancellationToken).ConfigureAwait(false));
        }

        int dimensions = cache.Values.First().Length;
        var trainer = new TrainerOptions { Prototypes = options.Prototypes, SkewRank = options.SkewRank, Epochs = options.Epochs, Seed = options.Seed };
        (RewardModel model, UserPart[] parts) = RankingTrainer.Train(samples, userIds.Count, dimensions, trainer, cancellationToken);
        double accuracy = RankingMetrics.Accuracy(model, parts, samples);

        StoredModel? previous = await _store.GetModelAsync(tenantId, RankingModelName, cancellationToken).ConfigureAwait(false);
        long version = await _store.SaveModelAsync(tenantId, RankingModelName, model.ToBytes(), previous?.Version ?? 0, cancellationToken).ConfigureAwait(false);
        _models[tenantId] = (version, model);
        for (int u = 0; u < userIds.Count; u++)
        {
            await SaveUserPartAsync(new UserKey(tenantId, userIds[u]), _ => parts[u], cancellationToken).ConfigureAwait(false);
        }

        Log.Trained(_logger, userIds.Count, samples.Count, version, accuracy);
        return new TrainingReport(userIds.Count, samples.Count, version, accuracy, model.Temperature);
    }

    /// <summary>Ranks already-embedded candidates (the scoring path, without I/O).</summary>
    internal static CandidateRanking RankPrepared(
        ReadOnlyMemory<float> context, IReadOnlyList<RankingCandidate> candidates, IReadOnlyList<RankingPreference> preferences, RewardModel? model, long modelVersion, UserPart? part)
    {
        int n = candidates.Count;
        var factors = new List<RankingFactor>[n];
        for (int i = 0; i < n; i++)
        {
            factors[i] = [];
        }

        double[] stated = StatedPreferenceScorer.Score(preferences, candidates, factors);
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            scores[i] = StatedScale * stated[i];
            for (int k = 0; k < factors[i].Count; k++)
            {
                factors[i][k] = factors[i][k] with { Contribution = StatedScale * factors[i][k].Contribution };
            }
        }

        if (model is not null || part is not null)
        {
            AddLearned(context.Span, candidates, model, part, scores, factors);
        }

        var probabilities = new double[n];
        var logits = new float[n];
        var soft = new float[n];
        for (int i = 0; i < n; i++)
        {
            logits[i] = (float)scores[i];
        }

        TensorPrimitives.SoftMax(logits, soft);
        var ranked = new RankedCandidate[n];
        for (int i = 0; i < n; i++)
        {
            probabilities[i] = soft[i];
            factors[i].Sort(static (a, b) => Math.Abs(b.Contribution).CompareTo(Math.Abs(a.Contribution)));
            ranked[i] = new RankedCandidate(i, candidates[i].Text, Math.Round(scores[i], 4), Math.Round(probabilities[i], 4), factors[i]);
        }

        // Best first; equal scores keep the input order.
        Array.Sort(ranked, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        return new CandidateRanking(ranked, modelVersion, part?.Comparisons ?? 0);
    }

    private static void AddLearned(ReadOnlySpan<float> context, IReadOnlyList<RankingCandidate> candidates, RewardModel? model, UserPart? part, double[] scores, List<RankingFactor>[] factors)
    {
        int n = candidates.Count;
        var features = new float[n][];
        for (int i = 0; i < n; i++)
        {
            features[i] = FeatureLayout.Build(context, candidates[i].Vector.Span, SurfaceFeatures.Measure(candidates[i].Text));
        }

        var learned = new double[n];
        double temperature = model?.Temperature ?? 1.0;
        float[][]? projected = model is { SkewRank: > 0 } ? [.. features.Select(f => model.Project(f))] : null;
        for (int i = 0; i < n; i++)
        {
            learned[i] = model is not null
                ? model.Reward(features[i], part)
                : TensorPrimitives.Dot(part!.SurfaceBias, features[i].AsSpan(0, SurfaceFeatures.Count));
            if (projected is not null)
            {
                // With a skew-symmetric head the score is the mean pairwise advantage (for a pure reward it reduces to the reward).
                for (int j = 0; j < n; j++)
                {
                    learned[i] += RewardModel.SkewScore(projected[i], projected[j]) / n;
                }
            }

            learned[i] /= temperature;
        }

        // Which surface factors the user's weights reward or penalise, centred over the candidates.
        var weights = new double[SurfaceFeatures.Count];
        if (model is not null)
        {
            Span<float> alpha = stackalloc float[model.Prototypes.Length];
            model.Mixture(part, alpha);
            for (int k = 0; k < weights.Length; k++)
            {
                weights[k] = model.Base[k];
                for (int p = 0; p < alpha.Length; p++)
                {
                    weights[k] += alpha[p] * model.Prototypes[p][k];
                }
            }
        }

        if (part is not null)
        {
            for (int k = 0; k < weights.Length; k++)
            {
                weights[k] += part.SurfaceBias[k];
            }
        }

        double mean = learned.Average();
        for (int k = 0; k < weights.Length; k++)
        {
            double m = 0;
            for (int i = 0; i < n; i++)
            {
                m += features[i][k] / n;
            }

            for (int i = 0; i < n; i++)
            {
                double c = weights[k] * (features[i][k] - m) / temperature;
                if (Math.Abs(c) >= 0.05)
                {
                    factors[i].Add(new RankingFactor(SurfaceFeatures.Names[k], c));
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            double c = learned[i] - mean;
            scores[i] += c;
            factors[i].Add(new RankingFactor("learned taste (all factors)", c));
        }
    }

    private PreferenceEvent SignalEvent(EventKind kind, string context, string data, DateTimeOffset? at) => new()
    {
        Id = NewEventId(),
        Kind = kind,
        Text = context.Trim(),
        Data = data,
        At = at ?? _time.GetUtcNow(),
    };

    /// <summary>
    /// Prepares one stated preference and some candidates for a request as ranking does, with the preference taken to apply
    /// fully and at full strength: for fitting and checking the stated-preference scorer without a conversation.
    /// </summary>
    internal async Task<(RankingPreference Preference, RankingCandidate[] Candidates)> PrepareStatedAsync(
        string preference, string request, IReadOnlyList<string> candidates, CancellationToken cancellationToken)
    {
        var stated = new Preference { Id = "stated", Text = preference, Strength = 1 };
        List<RankingPreference> prepared = await PrepareRankingPreferencesAsync([new SelectedPreference(stated, 1, [])], TextTools.ContentStems(request), cancellationToken).ConfigureAwait(false);
        GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync(candidates, cancellationToken: cancellationToken).ConfigureAwait(false);
        RankingPreference none = new(stated, 1, [], []);
        return (prepared.Count > 0 ? prepared[0] : none, ToCandidates(candidates, vectors, first: 0));
    }

    /// <summary>
    /// The candidates prepared for ranking, their embeddings starting at <paramref name="first"/> in <paramref name="vectors"/>
    /// (not copied: ranking only reads them).
    /// </summary>
    private static RankingCandidate[] ToCandidates(IReadOnlyList<string> candidates, GeneratedEmbeddings<Embedding<float>> vectors, int first)
    {
        var prepared = new RankingCandidate[candidates.Count];
        for (int i = 0; i < prepared.Length; i++)
        {
            prepared[i] = new RankingCandidate(candidates[i], vectors[first + i].Vector);
        }

        return prepared;
    }

    /// <summary>Prepares the applicable preferences: their clauses, and the embeddings of the clauses' objects.</summary>
    private async Task<List<RankingPreference>> PrepareRankingPreferencesAsync(List<SelectedPreference> selected, HashSet<string> requestStems, CancellationToken cancellationToken)
    {
        var split = new List<(SelectedPreference Selected, List<PreferenceClause> Clauses)>(selected.Count);
        foreach (SelectedPreference s in selected)
        {
            List<PreferenceClause> general = _clauses.GetOrAdd(s.Preference.Text, static text => PreferenceClauses.Split(text));
            if (_clauses.Count > 100_000)
            {
                _clauses.Clear();
            }

            List<PreferenceClause> clauses = [.. general.Select(c => PreferenceClauses.Focus(c, requestStems))];

            split.Add((s, clauses));
        }

        Dictionary<string, float[]> phrases = await EmbedPhrasesAsync(
            split.SelectMany(static x => x.Clauses.Select(static c => c.Object)), cancellationToken).ConfigureAwait(false);

        var result = new List<RankingPreference>(split.Count);
        foreach ((SelectedPreference s, List<PreferenceClause> clauses) in split)
        {
            if (clauses.Count > 0)
            {
                double weight = s.Probability * (0.5 + (0.5 * s.Preference.Strength));
                result.Add(new RankingPreference(s.Preference, weight, clauses, [.. clauses.Select(c => phrases[c.Object])]));
            }
        }

        return result;
    }

    /// <summary>Reads the tenant's ranking model, deserializing only when its version changed.</summary>
    private async Task<(RewardModel? Model, long Version)> LoadRankingModelAsync(string tenantId, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        StoredModel? stored = await _store.GetModelAsync(tenantId, RankingModelName, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return (null, 0);
        }

        if (_models.TryGetValue(tenantId, out var cached) && cached.Version == stored.Version)
        {
            return (cached.Model, cached.Version);
        }

        RewardModel model = RewardModel.FromBytes(stored.Payload.Span);
        _models[tenantId] = (stored.Version, model);
        return (model, stored.Version);
    }

    /// <summary>Builds training samples from text pairs, embedding each distinct text once.</summary>
    private async Task<List<PairSample>> BuildSamplesAsync(List<TextPair> pairs, int userIndex, Dictionary<string, float[]> cache, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (TextPair pair in pairs)
        {
            foreach (string text in (string[])[pair.Context, pair.Preferred, pair.Rejected])
            {
                if (!cache.ContainsKey(text) && !missing.Contains(text))
                {
                    missing.Add(text);
                }
            }
        }

        for (int start = 0; start < missing.Count; start += EmbeddingBatch)
        {
            List<string> batch = missing.GetRange(start, Math.Min(EmbeddingBatch, missing.Count - start));
            GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync(batch, cancellationToken: cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < batch.Count; i++)
            {
                cache[batch[i]] = vectors[i].Vector.ToArray();
            }
        }

        var samples = new List<PairSample>(pairs.Count);
        foreach (TextPair pair in pairs)
        {
            samples.Add(Sample(pair, userIndex, cache));
        }

        return samples;
    }

    /// <summary>Builds the training sample of a text pair from the embeddings of its texts (no I/O).</summary>
    internal static PairSample Sample(TextPair pair, int userIndex, IReadOnlyDictionary<string, float[]> vectors)
    {
        float[] context = vectors[pair.Context];
        return new PairSample(
            userIndex,
            FeatureLayout.Build(context, vectors[pair.Preferred], SurfaceFeatures.Measure(pair.Preferred)),
            FeatureLayout.Build(context, vectors[pair.Rejected], SurfaceFeatures.Measure(pair.Rejected)),
            pair.Weight,
            pair.Tie);
    }

    /// <summary>Updates the user's personal part from new judgements: a few gradient steps from where it was (cheap, per user).</summary>
    private async Task LearnOnlineAsync(UserKey user, List<TextPair> pairs, CancellationToken cancellationToken)
    {
        if (pairs.Count == 0)
        {
            return;
        }

        (RewardModel? model, _) = await LoadRankingModelAsync(user.TenantId, cancellationToken).ConfigureAwait(false);
        List<PairSample> samples = await BuildSamplesAsync(pairs, 0, new Dictionary<string, float[]>(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        RewardModel fitted = model ?? new RewardModel(samples[0].Preferred.Length == 0 ? 0 : EmbeddingSize(samples[0].Preferred.Length), 0, 0);
        await SaveUserPartAsync(user, stored => LearnOnline(model, fitted, stored, samples), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The online update of a user's part (no I/O): a few gradient steps from where it was, with the shared model fixed.</summary>
    /// <param name="model">The tenant's model, or <see langword="null"/> when none is trained yet.</param>
    /// <param name="fitted">The model to fit against: <paramref name="model"/>, or an empty one of the samples' size.</param>
    /// <param name="stored">The user's stored part, or <see langword="null"/> for a user with none.</param>
    /// <param name="samples">The new comparisons.</param>
    /// <returns>The updated part.</returns>
    internal static UserPart LearnOnline(RewardModel? model, RewardModel fitted, UserPart? stored, IReadOnlyList<PairSample> samples)
    {
        UserPart part = stored?.Fit(model) ?? UserPart.FromPrior(model);
        int before = part.Comparisons;
        RankingTrainer.FitUser(fitted, part, samples, epochs: 3, learningRate: 1.0, l2: 0.01);
        part.Comparisons = before + samples.Count;
        return part;
    }

    private static int EmbeddingSize(int featureDimensions) => (featureDimensions - SurfaceFeatures.Count - 1) / 2;

    /// <summary>Reads, updates and saves a user's part with optimistic versioning, under the user's lock.</summary>
    private async Task SaveUserPartAsync(UserKey user, Func<UserPart?, UserPart> update, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate = LockFor(user);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                StoredModel? stored = await _store.GetUserModelAsync(user, RankingModelName, cancellationToken).ConfigureAwait(false);
                UserPart part = update(stored is null ? null : UserPart.FromBytes(stored.Payload.Span));
                try
                {
                    await _store.SaveUserModelAsync(user, RankingModelName, part.ToBytes(), stored?.Version ?? 0, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (ConcurrencyException) when (attempt < MaxWriteAttempts)
                {
                    Log.UserPartConflict(_logger);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
