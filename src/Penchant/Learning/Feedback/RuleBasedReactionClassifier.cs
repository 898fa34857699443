using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Penchant.Language;
using Penchant.Numerics;
using Penchant.Signals;

namespace Penchant.Learning.Feedback;

/// <summary>
/// The default reaction classifier, with no language model: rules read thanks, praise, acceptance, corrections, complaints,
/// sarcasm and mixed replies ("thanks, but too long"); a repeated or rephrased request is found by its embedding's similarity
/// to the earlier request; three one-versus-rest logistic classifiers over sentence embeddings, trained on hand-written seed
/// sentences, weigh in everywhere and decide what the rules leave open.
/// </summary>
/// <remarks>Thread-safe. The classifiers are trained once, on first use (under a second on two cores).</remarks>
public sealed class RuleBasedReactionClassifier : IReactionClassifier
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly SemaphoreSlim _trainLock = new(1, 1);
    private LogisticClassifier[]? _classifiers;

    /// <summary>Initializes a new instance of the <see cref="RuleBasedReactionClassifier"/> class.</summary>
    /// <param name="embeddings">The embedding generator the classifiers read.</param>
    public RuleBasedReactionClassifier(IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _embeddings = embeddings;
    }

    /// <summary>Gets or sets the cosine similarity to the earlier request above which the next message counts as the request asked again.</summary>
    /// <value>The default is 0.82.</value>
    public double RepeatSimilarity { get; set; } = EmbeddingModelSettings.Default.RepeatSimilarity;

    /// <inheritdoc/>
    public async ValueTask<ReactionClassification> ClassifyAsync(string? request, string? answer, string turn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(turn);
        string text = turn.Trim();
        LogisticClassifier[] classifiers = await GetClassifiersAsync(cancellationToken).ConfigureAwait(false);
        bool hasRequest = !string.IsNullOrWhiteSpace(request);
        GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings
            .GenerateAsync(hasRequest ? [text, request!.Trim()] : [text], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        ReadOnlySpan<float> vector = vectors[0].Vector.Span;
        double repeat = hasRequest ? TensorPrimitives.CosineSimilarity(vector, vectors[1].Vector.Span) : 0;
        return Decide(text, repeat, classifiers[0].Predict(vector), classifiers[1].Predict(vector), classifiers[2].Predict(vector));
    }

    /// <summary>Combines the rules, the repeat similarity and the classifier probabilities into a classification.</summary>
    internal ReactionClassification Decide(string text, double repeat, double pSatisfied, double pDissatisfied, double pNeutral)
    {
        string lower = text.ToLowerInvariant().Replace('’', '\'');
        (double sat, string? satReason) = Score(ReactionCues.Satisfied, lower);
        (double dis, string? disReason) = Score(ReactionCues.Dissatisfied, lower);

        if (ReactionCues.Sarcasm.IsMatch(lower) && (dis > 0 || sat > 0 || pDissatisfied > 0.3))
        {
            dis += 3.0;
            disReason = "sarcastic thanks or praise";
            sat = 0;
        }
        else if (sat > 0 && dis > 0 && ReactionCues.Contrast.IsMatch(lower))
        {
            // "Thanks, but it's far too long": the part after the contrast is what the user wants changed.
            dis += 1.0;
            disReason = "accepts part but asks for a change: " + disReason;
        }

        bool repeated = repeat >= RepeatSimilarity && !lower.Contains("thank", StringComparison.Ordinal);
        if (repeated)
        {
            dis += 2.5;
            disReason ??= "repeats or rephrases the request";
        }

        double sSat = sat + (3.0 * pSatisfied);
        double sDis = dis + (3.0 * pDissatisfied);
        double sNeu = 0.8 + (3.0 * pNeutral) - (0.3 * (sat + dis));
        if (sDis >= sSat && sDis > sNeu)
        {
            string reason = disReason ?? string.Create(CultureInfo.InvariantCulture, $"reads as dissatisfied (classifier {pDissatisfied:0.00})");
            return new ReactionClassification(ReactionLabel.Dissatisfied, reason, Confidence(sDis, sSat, sNeu), WishOf(text));
        }

        if (sSat > sDis && sSat > sNeu)
        {
            string reason = satReason ?? string.Create(CultureInfo.InvariantCulture, $"reads as satisfied (classifier {pSatisfied:0.00})");
            return new ReactionClassification(ReactionLabel.Satisfied, reason, Confidence(sSat, sDis, sNeu));
        }

        return new ReactionClassification(ReactionLabel.Neutral, "follows up without judging the answer", Confidence(sNeu, sSat, sDis));
    }

    /// <summary>Finds the wish a correction states ("shorter, and no emojis"), in the user's words, or <see langword="null"/>.</summary>
    internal static string? WishOf(string text)
    {
        var kept = new List<string>();
        foreach (string sentence in TextTools.Sentences(text))
        {
            // Clause by clause, so "That's wrong, shorter please" keeps the wish and drops the complaint.
            var clauses = new List<string>();
            foreach (string part in sentence.Split(','))
            {
                string s = part.Trim();
                for (int i = 0; i < 3; i++)
                {
                    string stripped = ReactionCues.WishNoise.Replace(s, string.Empty);
                    if (stripped.Length == s.Length)
                    {
                        break;
                    }

                    s = stripped;
                }

                string lower = s.ToLowerInvariant();
                if (s.Length >= 4 && ReactionCues.Wish.IsMatch(lower) && !ReactionCues.Complaint.IsMatch(lower) && !lower.TrimEnd().EndsWith('?'))
                {
                    clauses.Add(s);
                }
            }

            if (clauses.Count > 0)
            {
                string joined = string.Join(", ", clauses);
                kept.Add(joined.EndsWith('.') || joined.EndsWith('!') ? joined : joined + ".");
            }
        }

        if (kept.Count == 0)
        {
            return null;
        }

        string wish = string.Join(' ', kept).Trim();
        return wish.Length > 300 ? wish[..300] : char.ToUpperInvariant(wish[0]) + wish[1..];
    }

    private static double Confidence(double winner, double a, double b)
    {
        double margin = winner - Math.Max(a, b);
        return Math.Round(LogisticClassifier.Sigmoid(margin), 3);
    }

    private static (double Score, string? Reason) Score((Regex Pattern, string Reason, double Weight)[] cues, string lower)
    {
        double score = 0;
        double best = 0;
        string? reason = null;
        foreach ((Regex pattern, string why, double weight) in cues)
        {
            if (pattern.IsMatch(lower))
            {
                score += weight;
                if (weight > best)
                {
                    best = weight;
                    reason = why;
                }
            }
        }

        return (score, reason);
    }

    private async Task<LogisticClassifier[]> GetClassifiersAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _classifiers) is { } ready)
        {
            return ready;
        }

        await _trainLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_classifiers is null)
            {
                string[][] seeds = LoadSeeds();
                string[] all = [.. seeds[0], .. seeds[1], .. seeds[2]];
                GeneratedEmbeddings<Embedding<float>> vectors = await _embeddings.GenerateAsync(all, cancellationToken: cancellationToken).ConfigureAwait(false);
                var x = new float[all.Length][];
                var labels = new int[all.Length];
                for (int i = 0, k = 0; k < seeds.Length; k++)
                {
                    for (int j = 0; j < seeds[k].Length; j++, i++)
                    {
                        x[i] = vectors[i].Vector.ToArray();
                        labels[i] = k;
                    }
                }

                var classifiers = new LogisticClassifier[3];
                for (int k = 0; k < 3; k++)
                {
                    double[] y = [.. labels.Select(l => l == k ? 1.0 : 0.0)];
                    classifiers[k] = LogisticClassifier.Train(x, y, l2: 0.01, epochs: 300, learningRate: 0.5);
                }

                Volatile.Write(ref _classifiers, classifiers);
            }

            return _classifiers!;
        }
        finally
        {
            _trainLock.Release();
        }
    }

    // Satisfied, dissatisfied, neutral: the order of the classifiers.
    private static string[][] LoadSeeds()
    {
        using JsonDocument document = LanguagePack.Parse(LanguagePack.ReactionSeeds);
        return [Read("satisfied"), Read("dissatisfied"), Read("neutral")];

        string[] Read(string name) => [.. document.RootElement.GetProperty(name).EnumerateArray().Select(static e => e.GetString() ?? string.Empty)];
    }
}
