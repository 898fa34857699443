using System.Globalization;
using System.Numerics.Tensors;
using Penchant.Domain;
using Penchant.Language;
using Penchant.Learning.Gating;
using Penchant.Numerics;

namespace Penchant.Selecting;

/// <summary>
/// Decides which preferences apply to a request: a trained, calibrated logistic gate (<see cref="GateModel"/>) over features of
/// each (request, preference) pair — similarity to the text measured against a background of ordinary requests and against
/// the user's other preferences, similarity to hinted kinds of requests and to the scope, lexical overlap, structured scope
/// matches, explicit overrides — with a threshold on the calibrated probability, never a fixed top-k.
/// </summary>
/// <remarks>Thread-safe and allocation-light; it does no I/O.</remarks>
internal sealed class PreferenceGate
{
    private readonly GateModel _model;

    /// <summary>Gets the cut-offs on similarity of the embedding model (same subject, scope met, chains, overrides).</summary>
    private static EmbeddingModelSettings Model => EmbeddingModelSettings.Default;

    public PreferenceGate()
        : this(GateModel.Default)
    {
    }

    public PreferenceGate(GateModel model) => _model = model;

    /// <summary>Gets the fitted model the gate scores with.</summary>
    public GateModel Fitted => _model;

    /// <summary>Gets the calibrated probability that each prepared preference applies to the request, before chains and specificity.</summary>
    public double[] Probabilities(RequestView request, IReadOnlyList<PreparedPreference> preferences)
    {
        GateFeatures[] features = MeasureAll(request, preferences);
        var probabilities = new double[features.Length];
        for (int i = 0; i < features.Length; i++)
        {
            probabilities[i] = _model.Probability(features[i]);
        }

        return probabilities;
    }

    /// <summary>Scores every prepared preference for the request and returns those at or above the threshold, most probable first.</summary>
    /// <param name="request">The request.</param>
    /// <param name="preferences">The user's prepared preferences.</param>
    /// <param name="threshold">The calibrated probability at or above which a preference applies; <see langword="null"/> for the model's own.</param>
    /// <param name="refinement">The user's refinement of the model from the outcomes of its applications, or <see langword="null"/> for none.</param>
    /// <param name="nearMisses">When given, receives up to <paramref name="maxNearMisses"/> of the preferences not selected, most probable first, each with why it was not.</param>
    /// <param name="maxNearMisses">The most near misses to return.</param>
    public List<SelectedPreference> Select(RequestView request, IReadOnlyList<PreparedPreference> preferences, double? threshold = null, GateRefinement? refinement = null, List<SelectedPreference>? nearMisses = null, int maxNearMisses = 0)
    {
        int n = preferences.Count;
        double cut = threshold ?? _model.Threshold;
        GateFeatures[] features = MeasureAll(request, preferences);
        var probabilities = new double[n];
        double[]? shipped = refinement is null or { IsIdentity: true } ? null : new double[n];
        for (int i = 0; i < n; i++)
        {
            double logit = _model.Logit(features[i]);
            if (shipped is not null && !features[i].IsVetoed)
            {
                shipped[i] = Logistic.Sigmoid(logit);
                logit = refinement!.Refine(preferences[i].Preference.Id, logit);
            }

            probabilities[i] = Logistic.Sigmoid(logit);
        }

        var chainedBy = new string?[n];
        BringInChains(preferences, probabilities, chainedBy, cut);
        var outranked = PreferMoreSpecific(preferences, features, probabilities, cut);

        var selected = new List<SelectedPreference>();
        for (int i = 0; i < n; i++)
        {
            if (probabilities[i] >= cut && outranked[i] is null)
            {
                List<string> reasons = Reasons(preferences[i], features[i], chainedBy[i]);
                if (shipped is not null && chainedBy[i] is null && Math.Abs(shipped[i] - probabilities[i]) >= 0.005)
                {
                    reasons.Add(string.Create(CultureInfo.InvariantCulture, $"refined by this user's {refinement!.Outcomes.Count} recorded outcome(s) ({refinement.OutcomesOf(preferences[i].Preference.Id)} for it): probability {shipped[i]:0.00} before, {probabilities[i]:0.00} after"));
                }

                selected.Add(new SelectedPreference(preferences[i].Preference, Math.Round(probabilities[i], 4), reasons));
            }
        }

        selected.Sort(static (a, b) => b.Probability.CompareTo(a.Probability));
        if (nearMisses is not null && maxNearMisses > 0)
        {
            AddNearMisses(preferences, features, probabilities, outranked, cut, nearMisses, maxNearMisses);
        }

        return selected;
    }

    // The most probable preferences left out (below the threshold, or outranked by a more specific one), with the reason first.
    private static void AddNearMisses(IReadOnlyList<PreparedPreference> preferences, GateFeatures[] features, double[] probabilities, string?[] outranked, double cut, List<SelectedPreference> nearMisses, int max)
    {
        var missed = new List<int>();
        for (int i = 0; i < probabilities.Length; i++)
        {
            if (probabilities[i] < cut || outranked[i] is not null)
            {
                missed.Add(i);
            }
        }

        missed.Sort((a, b) => probabilities[b].CompareTo(probabilities[a]));
        foreach (int i in missed.Take(max))
        {
            string why = outranked[i] is { } specific
                ? $"outranked by the more specific \"{specific}\""
                : string.Create(CultureInfo.InvariantCulture, $"below the threshold ({probabilities[i]:0.00} < {cut:0.00})");
            List<string> reasons = Reasons(preferences[i], features[i], null);
            reasons.Insert(0, why);
            nearMisses.Add(new SelectedPreference(preferences[i].Preference, Math.Round(probabilities[i], 4), reasons));
        }
    }

    /// <summary>Computes the features of every (request, preference) pair, including those relative to the user's other preferences.</summary>
    public static GateFeatures[] MeasureAll(RequestView request, IReadOnlyList<PreparedPreference> preferences)
    {
        int n = preferences.Count;
        var features = new GateFeatures[n];
        var hintCache = new Dictionary<float[], double>(ReferenceEqualityComparer.Instance);
        double best = double.MinValue, second = double.MinValue;
        for (int i = 0; i < n; i++)
        {
            features[i] = Measure(request, preferences[i], hintCache);
            double z = features[i].TextZ;
            if (z > best)
            {
                second = best;
                best = z;
            }
            else if (z > second)
            {
                second = z;
            }
        }

        // A request overrides the preferences it contradicts ("in Kotlin for once" against "write my examples in Go"); with a cue such
        // as "just this once" and no contradiction found, the one closest to it in meaning.
        bool contradicted = false;
        for (int i = 0; i < n; i++)
        {
            if (Contradiction.Contradicts(request, preferences[i]))
            {
                features[i].Overridden = 1;
                contradicted = true;
            }
        }

        int overridden = request.Overrides && !contradicted ? FindOverridden(features) : -1;
        (double bestHint, double secondHint) = TopTwo(features, static f => f.HintSimilarity);
        (double bestNear, double secondNear) = TopTwo(features, static f => f.Neighbourhood);
        for (int i = 0; i < n; i++)
        {
            // The lead in similarity to hinted kinds of requests, and in the neighbourhood among ordinary requests, over the
            // best of the user's other preferences.
            features[i].HintLead = Lead(features[i].HintSimilarity, bestHint, secondHint, n);
            features[i].NeighbourhoodLead = Lead(features[i].Neighbourhood, bestNear, secondNear, n);
        }

        // The z-scores in order, so that each preference's rank and crowd are two binary searches, not a pass over the others.
        Span<double> sorted = n <= 256 ? stackalloc double[n] : new double[n];
        for (int i = 0; i < n; i++)
        {
            sorted[i] = features[i].TextZ;
        }

        sorted.Sort();
        for (int i = 0; i < n; i++)
        {
            // The lead over the best of the others (the second best for the best); alone, over the background (z = 0).
            double z = features[i].TextZ;
            features[i].Lead = Lead(z, best, second, n);

            // The rank, and how many of the user's other preferences are about as close to the request (within 1 of its
            // z-score) or closer (a z-score that is not a number counts for nothing, as a comparison with it is false).
            int rank = double.IsNaN(z) ? 0 : n - FirstWhere(sorted, z, orEqual: false);
            int crowd = double.IsNaN(z) ? 0 : n - FirstWhere(sorted, z - 1, orEqual: true) - 1;

            features[i].Rank = Math.Log(1 + rank);
            features[i].Crowd = Math.Log(1 + crowd);
            features[i].HintBehind = rank > 0 ? features[i].HintSimilarity : 0;
            if (i == overridden)
            {
                features[i].Overridden = 1;
            }
        }

        return features;
    }

    /// <summary>Computes the features of one pair that depend on it alone.</summary>
    public static GateFeatures Measure(RequestView request, PreparedPreference p, Dictionary<float[], double> hintCache)
    {
        double text = TensorPrimitives.Dot(request.Vector, p.Preference.Embedding.Span);
        var f = new GateFeatures
        {
            TextSimilarity = text,
            TextZ = (text - p.BackgroundMean) / p.BackgroundSpread,
            Lexical = TextTools.Coverage(p.Stems, request.Stems),
            Strength = p.Preference.Strength,
            Neutral = p.Preference.Polarity == Polarity.Neutral ? 1 : 0,
        };

        double hint = 0;
        foreach (float[] vector in p.HintVectors)
        {
            if (!hintCache.TryGetValue(vector, out double similarity))
            {
                // A kind of request is compared with the request and with its situation, which is closer to it in form.
                similarity = TensorPrimitives.Dot(request.Vector, vector);
                if (request.SituationVector is { } situation)
                {
                    similarity = Math.Max(similarity, TensorPrimitives.Dot(situation, vector));
                }

                hintCache[vector] = similarity;
            }

            hint = Math.Max(hint, similarity);
        }

        f.Neighbourhood = p.NeighbourhoodVector.Length == 0 ? 0 : TensorPrimitives.Dot(request.Vector, p.NeighbourhoodVector);
        f.HintSimilarity = hint;
        f.HasHints = p.HintVectors.Length > 0 ? 1 : 0;
        f.KnowledgeHint = request.AsksForKnowledge ? hint : 0;
        if (p.IsScoped || p.Recipient is not null)
        {
            f.ScopeSimilarity = p.ScopeVector is null ? 0 : TensorPrimitives.Dot(request.Vector, p.ScopeVector);
            f.ScopeMatch = ScopeMatch(request, p);

            // A scope for someone else ("choosing films for my daughter") is not met by a request the user makes for themself,
            // however close in words.
            if (p.ScopeIsForSomeoneElse && request.IsForSelf)
            {
                f.ScopeMatch = -1;
                f.OutOfScope = 1;
            }
        }

        return f;
    }

    private static double ScopeMatch(RequestView request, PreparedPreference p)
    {
        if (p.Recipient is not null)
        {
            if (request.Recipient is not null)
            {
                // Within the family the member matters: "texting my mom" is not met by "text my dad"; "my family" meets any.
                bool sameMember = p.FamilyMember is null or "family" || request.FamilyMember is null or "family" || p.FamilyMember == request.FamilyMember;
                return request.Recipient == p.Recipient && sameMember ? 1 : -1;
            }

            // No recipient we recognise ("a note to Priya", "films for me"): the scope is not met.
            return -1;
        }

        if (p.Channel is not null)
        {
            return request.Channel is null ? 0 : request.Channel == p.Channel ? 1 : -1;
        }

        // A scope in words ("on my work travels") holds when the request says so in words, or to the degree it does in
        // meaning: from −1 well below ScopeMet to +1 well above it, so a rule's trigger worded differently ("I order
        // takeaway" for "get dinner delivered from …") still counts for something.
        if (TextTools.Coverage(p.ScopeStems, request.Stems) >= 0.5)
        {
            return 1;
        }

        double similarity = p.ScopeVector is null ? 0 : TensorPrimitives.Dot(request.Vector, p.ScopeVector);
        return Math.Clamp((similarity - Model.ScopeMet) / Model.ScopeBand, -1, 1);
    }

    // The best and second best of one feature over the user's preferences.
    private static (double Best, double Second) TopTwo(GateFeatures[] features, Func<GateFeatures, double> value)
    {
        double best = double.MinValue, second = double.MinValue;
        foreach (GateFeatures f in features)
        {
            double v = value(f);
            if (v > best)
            {
                second = best;
                best = v;
            }
            else if (v > second)
            {
                second = v;
            }
        }

        return (best, second);
    }

    // The first index of an ascending span whose value is above the bound (or equal to it, with orEqual); NaNs sort first
    // and are never above, so the predicate stays monotone.
    private static int FirstWhere(ReadOnlySpan<double> ascending, double bound, bool orEqual)
    {
        int low = 0, high = ascending.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            double v = ascending[middle];
            if (v > bound || (orEqual && v == bound))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    // A value's lead over the best of the others (the second best for the best); alone, over 0.
    private static double Lead(double value, double best, double second, int count)
        => value - (value == best ? (count > 1 ? second : 0) : best);

    private static int FindOverridden(GateFeatures[] features)
    {
        int index = -1;
        double best = Model.OverrideSimilarity;
        for (int i = 0; i < features.Length; i++)
        {
            // Closeness in meaning alone: shared words ("call" in "Use Zoom for video calls") point at the wrong one as often as the right one.
            double evidence = features[i].TextSimilarity;
            if (evidence > best)
            {
                best = evidence;
                index = i;
            }
        }

        return index;
    }

    private static void BringInChains(IReadOnlyList<PreparedPreference> preferences, double[] probabilities, string?[] chainedBy, double threshold)
    {
        for (int i = 0; i < preferences.Count; i++)
        {
            PreparedPreference rule = preferences[i];
            if (probabilities[i] < threshold || rule.ChainVector is not { } target)
            {
                continue;
            }

            for (int j = 0; j < preferences.Count; j++)
            {
                if (j == i || probabilities[j] >= threshold)
                {
                    continue;
                }

                // The target may name the other preference's subject or its scope ("a hotel nearby" → "for hotels, …").
                double similarity = TensorPrimitives.Dot(target, preferences[j].Preference.Embedding.Span);
                if (preferences[j].ScopeVector is { } scope)
                {
                    similarity = Math.Max(similarity, TensorPrimitives.Dot(target, scope));
                }

                if (similarity >= Model.ChainSimilarity)
                {
                    probabilities[j] = Math.Max(probabilities[j], probabilities[i] * Math.Min(1.0, 0.5 + similarity));
                    chainedBy[j] = rule.Preference.Text;
                }
            }
        }
    }

    /// <summary>
    /// The most specific wins: a preference whose scope the request meets outranks a selected one about the same subject
    /// that would contradict it (the general "I love chilli" when cooking for the neighbours who cannot take it), and of two
    /// scoped preferences about the same subject only the one whose scope the request is closer to applies.
    /// </summary>
    private static string?[] PreferMoreSpecific(IReadOnlyList<PreparedPreference> preferences, GateFeatures[] features, double[] probabilities, double threshold)
    {
        int n = preferences.Count;
        var outranked = new string?[n];
        for (int i = 0; i < n; i++)
        {
            if (probabilities[i] < threshold || features[i].ScopeMatch <= 0)
            {
                continue;
            }

            Preference specific = preferences[i].Preference;
            for (int j = 0; j < n; j++)
            {
                if (j == i || probabilities[j] < threshold)
                {
                    continue;
                }

                Preference other = preferences[j].Preference;
                double sameSubject = TensorPrimitives.Dot(specific.Embedding.Span, other.Embedding.Span);
                bool contradicts = !other.Scope.IsScoped && sameSubject >= Model.SameSubjectSimilarity
                    && other.Polarity != specific.Polarity && other.Polarity != Polarity.Neutral && specific.Polarity != Polarity.Neutral;
                bool fartherScope = other.Scope.IsScoped && sameSubject >= Model.SameSubjectSimilarity
                    && features[i].ScopeSimilarity - features[j].ScopeSimilarity >= Model.ScopeMargin;
                if (contradicts || fartherScope)
                {
                    outranked[j] = specific.Text;
                }
            }
        }

        return outranked;
    }

    private static List<string> Reasons(PreparedPreference p, in GateFeatures f, string? chainedBy)
    {
        var reasons = new List<string>(4);
        if (chainedBy is not null)
        {
            reasons.Add($"brought in by the rule \"{chainedBy}\"");
        }

        if (f.TextSimilarity >= Model.ReasonTextSimilarity)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"close in meaning to the request (similarity {f.TextSimilarity:0.00})"));
        }

        if (f.HintSimilarity >= Model.ReasonHintSimilarity)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"affects requests of this kind (similarity {f.HintSimilarity:0.00})"));
        }

        if (f.Lexical > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"shares {f.Lexical:P0} of its key words with the request"));
        }

        if (f.ScopeMatch > 0)
        {
            reasons.Add($"the request is within its scope ({p.Preference.Scope.Text ?? string.Join(", ", p.Preference.Scope.Tags.Values)})");
        }

        if (p.Preference.Accepted + p.Preference.Rejected > 0)
        {
            reasons.Add($"the user was satisfied {p.Preference.Accepted} and dissatisfied {p.Preference.Rejected} time(s) when it was applied");
        }

        if (reasons.Count == 0)
        {
            reasons.Add("general preference of this user");
        }

        return reasons;
    }
}
