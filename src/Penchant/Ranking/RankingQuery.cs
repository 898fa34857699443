using System.Diagnostics;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Penchant.Diagnostics;
using Penchant.Domain;
using Penchant.Knowledge;
using Penchant.Language;
using Penchant.Learning.Ranking;
using Penchant.Selecting;
using Penchant.Storage;

namespace Penchant.Ranking;

/// <summary>
/// The ranking query: orders candidates the way a user would in a context, from the user's stated preferences that apply,
/// the tenant's trained ranking model, the user's personal part, and the styles the user's edits ask for in this context.
/// </summary>
/// <remarks>Thread-safe. Reads state, never writes it.</remarks>
internal sealed class RankingQuery(
    UserStateCache states,
    SelectionQuery selection,
    EditStyles edits,
    RankingModels models,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    ILogger<RankingQuery>? logger = null)
{
    /// <summary>How much stated preferences weigh against the learned model, in logits per unit of centred match.</summary>
    public const double StatedScale = 10.0;

    // Preferences less likely than this to apply to the request are left out of ranking.
    private const double RelevanceFloor = 0.05;

    private readonly ILogger _logger = logger ?? NullLogger<RankingQuery>.Instance;

    // Whether the first ranking with stated preferences has checked that general knowledge is there (logged once if not).
    private int _knowledgeChecked;

    /// <summary>Ranks candidates for a user and a request.</summary>
    public async Task<CandidateRanking> RankAsync(UserKey user, RequestContext request, IReadOnlyList<string> candidates, CancellationToken cancellationToken)
    {
        using Activity? activity = PenchantTelemetry.ActivitySource.StartActivity("penchant.rank");
        long started = Stopwatch.GetTimestamp();
        UserSnapshot snapshot = await states.GetAsync(user, cancellationToken).ConfigureAwait(false);
        List<PreparedPreference> prepared = await selection.PrepareAsync(snapshot, cancellationToken).ConfigureAwait(false);
        string[] texts = [request.Text, .. candidates];
        GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<float> context = vectors[0].Vector;
        RankingCandidate[] prepCandidates = ToCandidates(candidates, vectors, first: 1);

        var view = new RequestView(request, context);
        List<RankingPreference> applicable = prepared.Count == 0
            ? []
            : await PrepareRankingPreferencesAsync(selection.Gate.Select(view, prepared, RelevanceFloor), view.Stems, UserOf(snapshot), cancellationToken).ConfigureAwait(false);
        if (applicable.Count > 0 && Interlocked.Exchange(ref _knowledgeChecked, 1) == 0 && WordNetNouns.IsRequested && !WordNetNouns.Default.IsAvailable)
        {
            Log.KnowledgeMissing(_logger, WordNetNouns.Default.Status);
        }

        (RewardModel? model, long modelVersion) = await models.GetAsync(user.TenantId, cancellationToken).ConfigureAwait(false);
        StoredModel? storedPart = await states.Store.GetUserModelAsync(user, RankingModels.Name, cancellationToken).ConfigureAwait(false);
        UserPart? part = storedPart is null ? null : UserPart.FromBytes(storedPart.Payload.Span);

        IReadOnlyList<StylePreference> styles = await edits.InferAsync(user, snapshot.State, context, cancellationToken).ConfigureAwait(false);
        CandidateRanking ranking = RankPrepared(context, prepCandidates, applicable, model, modelVersion, part, styles);
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

    /// <summary>Ranks already-embedded candidates (the scoring path, without I/O).</summary>
    public static CandidateRanking RankPrepared(
        ReadOnlyMemory<float> context,
        IReadOnlyList<RankingCandidate> candidates,
        IReadOnlyList<RankingPreference> preferences,
        RewardModel? model,
        long modelVersion,
        UserPart? part,
        IReadOnlyList<StylePreference>? styles = null)
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

        if (styles is { Count: > 0 })
        {
            StyleScorer.Score(styles, [.. candidates.Select(static c => c.Text)], scores, factors);
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
        double[] weights = RewardModel.SurfaceWeights(model, part);
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

    /// <summary>
    /// Prepares one stated preference and some candidates for a request as ranking does, with the preference taken to apply
    /// fully and at full strength: for fitting and checking the stated-preference scorer without a conversation.
    /// </summary>
    public async Task<(RankingPreference Preference, RankingCandidate[] Candidates)> PrepareStatedAsync(
        string preference, string request, IReadOnlyList<string> candidates, CancellationToken cancellationToken)
    {
        var stated = new Preference { Id = "stated", Text = preference, Strength = 1 };
        List<RankingPreference> prepared = await PrepareRankingPreferencesAsync([new SelectedPreference(stated, 1, [])], TextTools.ContentStems(request), user: null, cancellationToken).ConfigureAwait(false);
        GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync(candidates, cancellationToken: cancellationToken).ConfigureAwait(false);
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

    /// <summary>Gets what ranking keeps for a user's state, kept with the snapshot (and so dropped with it).</summary>
    private static RankingUser UserOf(UserSnapshot snapshot)
    {
        if (snapshot.Derived<RankingUser>() is { } known)
        {
            return known;
        }

        var user = new RankingUser();
        snapshot.KeepDerived(user);
        return user;
    }

    /// <summary>
    /// Lets a rule for a situation the request is in win, in that situation, over what a general preference says the other
    /// way about the same thing: with "when you cook for my in-laws, leave out garlic" and "I love garlic", a request about
    /// cooking for the in-laws drops the general clause about garlic (the rest of the general preference still counts).
    /// </summary>
    /// <param name="split">The applicable preferences and their clauses; clauses of general preferences are removed in place.</param>
    /// <param name="requestStems">The request's content stems: a rule counts when more than half its scope's words are in the request.</param>
    internal static void YieldToScopedRules(List<(SelectedPreference Selected, List<PreferenceClause> Clauses)> split, HashSet<string> requestStems)
    {
        foreach ((SelectedPreference scoped, List<PreferenceClause> rules) in split)
        {
            if (scoped.Preference.Scope is not { IsScoped: true, Text: { Length: > 0 } scopeText }
                || TextTools.ContentStems(scopeText) is not { Count: > 0 } scopeStems
                || TextTools.Coverage(scopeStems, requestStems) <= 0.5)
            {
                continue;
            }

            foreach ((SelectedPreference general, List<PreferenceClause> clauses) in split)
            {
                if (!general.Preference.Scope.IsScoped)
                {
                    clauses.RemoveAll(c => rules.Exists(r => r.Negative != c.Negative && SharesStem(r.Stems, c.Stems)));
                }
            }
        }

        static bool SharesStem(HashSet<string> a, HashSet<string> b)
        {
            foreach (string stem in a)
            {
                if (TextTools.ContainsLike(b, stem))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Prepares the applicable preferences: their clauses, what is known of each clause's object, and the embeddings of the
    /// clauses' objects.
    /// </summary>
    /// <param name="selected">The preferences that apply.</param>
    /// <param name="requestStems">The request's content stems.</param>
    /// <param name="user">What ranking keeps for the user's state, or <see langword="null"/> to keep nothing.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    private async Task<List<RankingPreference>> PrepareRankingPreferencesAsync(
        List<SelectedPreference> selected, HashSet<string> requestStems, RankingUser? user, CancellationToken cancellationToken)
    {
        var split = new List<(SelectedPreference Selected, List<PreferenceClause> Clauses)>(selected.Count);
        foreach (SelectedPreference s in selected)
        {
            List<PreferenceClause> general = user?.ClausesOf(s.Preference) ?? PreferenceClauses.Split(s.Preference.Text);
            List<PreferenceClause> clauses = [.. general.Select(c => PreferenceClauses.Focus(c, requestStems))];
            split.Add((s, clauses));
        }

        YieldToScopedRules(split, requestStems);
        Dictionary<string, float[]> phrases = await PhraseEmbeddings.EmbedAsync(
            embeddings,
            split.SelectMany(static x => x.Clauses.Select(static c => c.Object)), cancellationToken).ConfigureAwait(false);

        var result = new List<RankingPreference>(split.Count);
        foreach ((SelectedPreference s, List<PreferenceClause> clauses) in split)
        {
            if (clauses.Count > 0)
            {
                double weight = s.Probability * (0.5 + (0.5 * s.Preference.Strength));
                result.Add(new RankingPreference(s.Preference, weight, clauses, [.. clauses.Select(c => phrases[c.Object])])
                {
                    Knowledge = [.. clauses.Select(c => user?.KnowledgeOf(c.Object) ?? ClauseKnowledge.Of(c.Object))],
                });
            }
        }

        return result;
    }
}
