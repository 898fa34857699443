using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using Penchant.Domain;
using Penchant.Numerics;
using Penchant.Selecting;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Fits the learned near-scope test (<see cref="NearScopeModel"/>) on labelled (situation, request) pairs: every qualifier of
/// an in-scope pair's situation that the request does not state in words is an example of a met qualifier; of a near-scope
/// pair, the unstated qualifier the request is least similar to is an example of an unmet one. A logistic regression with
/// classes weighted equally; the threshold is the highest one at which at least <see cref="InScopeFloor"/> of the in-scope
/// pairs still pass (out of fold, by domain), unless one is given. Deterministic.
/// </summary>
public static class NearScopeFitter
{
    /// <summary>The share of in-scope pairs the threshold must keep, out of fold.</summary>
    public const double InScopeFloor = 0.95;

    private const double L2 = 0.001;
    private const int Folds = 5;

    /// <summary>Reads labelled pairs.</summary>
    /// <param name="reader">JSON Lines of <see cref="NearScopePair"/>.</param>
    /// <param name="source">The file name, for errors.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The pairs.</returns>
    /// <exception cref="EvaluationInputException">A line is malformed, an id repeats, or a label is neither <c>in</c> nor <c>near</c>.</exception>
    public static async Task<IReadOnlyList<NearScopePair>> ReadPairsAsync(TextReader reader, string source, CancellationToken cancellationToken)
    {
        var pairs = new List<NearScopePair>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach ((int line, NearScopePair pair) in await Datasets.DataFiles.ReadJsonLinesAsync(reader, FeedbackJsonContext.Default.NearScopePair, source, cancellationToken))
        {
            if (!ids.Add(pair.Id) || pair.Label is not ("in" or "near") || string.IsNullOrWhiteSpace(pair.Situation) || string.IsNullOrWhiteSpace(pair.Request))
            {
                throw new EvaluationInputException($"{source}, line {line}: a pair needs a unique id, a situation, a request and the label 'in' or 'near'.");
            }

            pairs.Add(pair);
        }

        return pairs;
    }

    /// <summary>Fits the model and reports how it does out of fold.</summary>
    /// <param name="embeddings">The embedding generator selection uses.</param>
    /// <param name="pairs">The labelled pairs.</param>
    /// <param name="source">The pairs file's name and SHA-256, for the model's provenance.</param>
    /// <param name="threshold">The threshold to ship, or <see langword="null"/> for the one chosen out of fold.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The model and its figures.</returns>
    public static async Task<NearScopeFit> FitAsync(IEmbeddingGenerator<string, Embedding<float>> embeddings, IReadOnlyList<NearScopePair> pairs, string source, double? threshold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        List<Measured> measured = await MeasureAsync(embeddings, pairs, cancellationToken);
        string[] domains = [.. pairs.Select(static p => p.Domain).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

        // Out of fold by domain: each fold's pairs are scored by a model fitted on the other domains.
        var outOfFold = new double[measured.Count][];
        for (int fold = 0; fold < Folds; fold++)
        {
            HashSet<string> held = [.. domains.Where((_, i) => i % Folds == fold)];
            NearScopeModel model = Fit([.. measured.Where(m => !held.Contains(m.Pair.Domain))], threshold: 0.5);
            for (int i = 0; i < measured.Count; i++)
            {
                if (held.Contains(measured[i].Pair.Domain))
                {
                    outOfFold[i] = [.. measured[i].Unstated.Select(x => model.Probability(x))];
                }
            }
        }

        double chosen = ChooseThreshold(measured, outOfFold);
        double shipped = threshold ?? chosen;
        (double oofIn, double oofNear) = PassRates(measured, outOfFold, shipped);
        NearScopeModel fitted = Fit(measured, shipped);
        double[][] inSample = [.. measured.Select(m => m.Unstated.Select(x => fitted.Probability(x)).ToArray())];
        (double fitIn, double fitNear) = PassRates(measured, inSample, shipped);
        (int examples, int positives) = Examples(measured).Aggregate((0, 0), (a, e) => (a.Item1 + 1, a.Item2 + (e.Y > 0.5 ? 1 : 0)));
        List<(double[] X, double Y)> all = Examples(measured);
        string[] separation = [.. NearScopeFeatures.Names.Select((name, f) => string.Create(CultureInfo.InvariantCulture, $"{name}={Auc(all, f):0.00}"))];
        return new NearScopeFit(source, pairs.Count, examples, positives, oofIn, oofNear, fitIn, fitNear,
            measured.Count(static m => m.Pair.Label == "near" && m.Unstated.Count == 0)) { Model = fitted, Separation = separation, OutOfFoldThreshold = chosen };
    }

    // The probability that an in-scope example's feature is higher than a near-scope one's (0.5: no separation).
    private static double Auc(List<(double[] X, double Y)> examples, int feature)
    {
        double wins = 0;
        long pairs = 0;
        foreach ((double[] a, double ya) in examples.Where(static e => e.Y > 0.5))
        {
            foreach ((double[] b, double _) in examples.Where(static e => e.Y <= 0.5))
            {
                wins += a[feature] > b[feature] ? 1 : a[feature] == b[feature] ? 0.5 : 0;
                pairs++;
            }
        }

        return pairs == 0 ? 0.5 : wins / pairs;
    }

    /// <summary>The SHA-256 of a file, in lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static NearScopeModel Fit(List<Measured> measured, double threshold)
    {
        List<(double[] X, double Y)> examples = Examples(measured);
        int positives = examples.Count(static e => e.Y > 0.5);
        int negatives = examples.Count - positives;
        double[] weights = [.. examples.Select(e => e.Y > 0.5 ? examples.Count / (2.0 * Math.Max(1, positives)) : examples.Count / (2.0 * Math.Max(1, negatives)))];
        (double[] w, double b) = LogisticRegression.Fit([.. examples.Select(static e => e.X)], [.. examples.Select(static e => e.Y)], L2, weights);
        return new NearScopeModel(w, b, threshold);
    }

    // In scope: every unstated qualifier is met. Near scope: the unstated qualifier least like the request is not.
    private static List<(double[] X, double Y)> Examples(List<Measured> measured)
    {
        var examples = new List<(double[] X, double Y)>();
        foreach (Measured m in measured)
        {
            if (m.Pair.Label == "in")
            {
                examples.AddRange(m.Unstated.Select(static x => (x, 1.0)));
            }
            else if (m.Unstated.Count > 0)
            {
                examples.Add((m.Unstated.MinBy(static x => x[0])!, 0.0));
            }
        }

        return examples;
    }

    private static double ChooseThreshold(List<Measured> measured, double[][] probabilities)
    {
        double best = 0;
        for (double t = 0.05; t < 0.951; t += 0.05)
        {
            if (PassRates(measured, probabilities, t).In >= InScopeFloor)
            {
                best = t;
            }
        }

        return Math.Round(best, 2);
    }

    private static (double In, double Near) PassRates(List<Measured> measured, double[][] probabilities, double threshold)
    {
        int[] pass = new int[2], total = new int[2];
        for (int i = 0; i < measured.Count; i++)
        {
            int k = measured[i].Pair.Label == "in" ? 0 : 1;
            total[k]++;
            if (probabilities[i].All(p => p >= threshold))
            {
                pass[k]++;
            }
        }

        return ((double)pass[0] / Math.Max(1, total[0]), (double)pass[1] / Math.Max(1, total[1]));
    }

    private static async Task<List<Measured>> MeasureAsync(IEmbeddingGenerator<string, Embedding<float>> embeddings, IReadOnlyList<NearScopePair> pairs, CancellationToken cancellationToken)
    {
        float[][] background = await new GateBackground(embeddings).VectorsAsync(cancellationToken);
        var preferences = pairs.Select(static p => new Preference { Id = p.Id, Text = p.Situation, Scope = new PreferenceScope { Text = p.Situation } }).ToList();
        var phrases = new List<string>();
        for (int i = 0; i < pairs.Count; i++)
        {
            phrases.Add(pairs[i].Request);
            phrases.AddRange(RequestPart.Split(pairs[i].Request));
            if (RequestView.Situation(pairs[i].Request) is { } requestSituation)
            {
                phrases.Add(requestSituation);
            }

            if (ScopeSituations.Phrase(preferences[i]) is { } situation)
            {
                phrases.Add(situation);
            }

            phrases.AddRange(ScopeSituations.Qualifiers(preferences[i]));
            phrases.AddRange(ScopeSituations.Generals(preferences[i]));
        }

        Dictionary<string, float[]> vectors = await PhraseEmbeddings.EmbedAsync(embeddings, phrases, cancellationToken);
        var measured = new List<Measured>(pairs.Count);
        for (int i = 0; i < pairs.Count; i++)
        {
            string text = pairs[i].Request;
            string? requestSituation = RequestView.Situation(text);
            var request = new RequestView(new RequestContext(text), vectors[text], requestSituation is null ? default : vectors[requestSituation])
            {
                Parts = [.. RequestPart.Split(text).Select(t => new RequestPart(t, vectors[t]))],
            };
            string situation = ScopeSituations.Phrase(preferences[i]) ?? pairs[i].Situation;
            float[] situationVector = vectors.TryGetValue(situation, out float[]? v) ? v : vectors[text];
            (double mean, double spread) = GateBackground.Measure(situationVector, background);
            double situationZ = (ScopeExclusions.Closeness(request, situationVector) - mean) / spread;
            SituationQualifier[] qualifiers = ScopeSituations.PrepareQualifiers(preferences[i], vectors, background);
            List<double[]> unstated = [.. qualifiers.Where(q => !ScopeSituations.States(q, request)).Select(q => NearScopeFeatures.Measure(q, situationZ, request, situationVector))];
            measured.Add(new Measured(pairs[i], unstated));
        }

        return measured;
    }

    private sealed record Measured(NearScopePair Pair, List<double[]> Unstated);
}

/// <summary>A fitted near-scope model and how it does on its pairs.</summary>
/// <param name="Source">The pairs file and its SHA-256.</param>
/// <param name="Pairs">How many pairs.</param>
/// <param name="Examples">How many (qualifier, request) examples.</param>
/// <param name="InScopeExamples">How many of them are in scope.</param>
/// <param name="OutOfFoldInScope">The share of in-scope pairs that pass, out of fold by domain.</param>
/// <param name="OutOfFoldNearScope">The share of near-scope pairs that pass, out of fold by domain.</param>
/// <param name="FitInScope">The share of in-scope pairs that pass the final model (in sample).</param>
/// <param name="FitNearScope">The share of near-scope pairs that pass the final model (in sample).</param>
/// <param name="NearStated">Near-scope pairs whose request states every qualifier in words (no example; the model cannot stop them).</param>
public sealed record NearScopeFit(string Source, int Pairs, int Examples, int InScopeExamples, double OutOfFoldInScope, double OutOfFoldNearScope, double FitInScope, double FitNearScope, int NearStated)
{
    /// <summary>Gets the model fitted on every pair, with the threshold chosen out of fold.</summary>
    internal NearScopeModel Model { get; init; } = null!;

    /// <summary>Gets, for each feature, how well it alone separates the examples ("name=AUC").</summary>
    public IReadOnlyList<string> Separation { get; init; } = [];

    /// <summary>Gets the threshold the model ships with.</summary>
    public double Threshold => Model.Threshold;

    /// <summary>Gets the threshold chosen out of fold (the highest that keeps <see cref="NearScopeFitter.InScopeFloor"/> of in-scope pairs).</summary>
    public double OutOfFoldThreshold { get; init; }

    /// <summary>Writes the model file (see <c>Selecting/Resources/near-scope-model.json</c>).</summary>
    /// <param name="stream">Where to write it.</param>
    /// <param name="command">The command that fitted it, for its provenance.</param>
    public void WriteModel(Stream stream, string command)
        => Model.Write(stream, string.Create(CultureInfo.InvariantCulture, $"Fitted by '{command}' on {Source}: {Pairs} pairs, logistic regression (l2 0.001, classes weighted equally), threshold {Threshold:0.00} (out of fold, the highest at which >= {NearScopeFitter.InScopeFloor:0.00} of in-scope pairs pass is {OutOfFoldThreshold:0.00}; 5 folds by domain). Out of fold at {Threshold:0.00}: in-scope pass {OutOfFoldInScope:0.000}, near-scope pass {OutOfFoldNearScope:0.000}."), Examples, InScopeExamples);

    /// <summary>Gets the summary line.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"near-scope-fit: pairs={Pairs} examples={Examples} in_examples={InScopeExamples} threshold={Threshold:0.00} oof_threshold={OutOfFoldThreshold:0.00} oof_in_pass={OutOfFoldInScope:0.000} oof_near_pass={OutOfFoldNearScope:0.000} fit_in_pass={FitInScope:0.000} fit_near_pass={FitNearScope:0.000} near_stated={NearStated}");
}
