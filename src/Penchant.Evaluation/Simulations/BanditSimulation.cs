using Microsoft.Extensions.Options;
using Penchant.Deciding;
using Penchant.Numerics;

namespace Penchant.Evaluation.Simulations;

/// <summary>
/// A simulated contextual bandit. Each of U users has a hidden taste vector t (m standard normal values) and each of K
/// actions a hidden vector v (normal, scaled by 1/√m) and a popularity b (normal, sd 0.5); a user clicks an action with
/// probability σ(c · tᵀv + b + o) (c = <see cref="BanditSettings.Contrast"/>, o = <see cref="BanditSettings.Offset"/>). Each round a user arrives at random; the
/// policy sees the user's taste through noise (its features, <c>user.f{i}</c> = tᵢ + N(0, s²)) and the actions' vectors
/// (<c>item.f{i}</c>), plus a categorical <c>item=a</c>; the reward is the click (Bernoulli noise). Regret is expected
/// (pseudo-)regret against the oracle that knows the click probabilities. The policies are the engine's own
/// (<see cref="PolicyChooser"/> over <see cref="BayesianLinearRegression"/> with <see cref="DecisionFeaturizer"/>'s
/// hashed features), run in memory without the event log.
/// </summary>
public static class BanditSimulation
{
    /// <summary>Runs every policy in the same environment (same users, actions and arrivals).</summary>
    /// <param name="settings">The environment.</param>
    /// <param name="options">The policies' options; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The regrets.</returns>
    public static async Task<BanditReport> RunAsync(BanditSettings settings, DecidingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new DecidingOptions();
        int k = settings.Actions, m = settings.Dimensions, users = settings.Users;
        var random = new Random(settings.Seed);
        double[][] taste = Matrix(users, m, 1.0, random);
        double[][] items = Matrix(k, m, 1.0 / Math.Sqrt(m), random);
        double[] popularity = [.. Enumerable.Range(0, k).Select(_ => 0.5 * Gaussian.Next(random))];
        double[][] click = new double[users][];
        for (int u = 0; u < users; u++)
        {
            click[u] = new double[k];
            for (int a = 0; a < k; a++)
            {
                double logit = (settings.Contrast * Dot(taste[u], items[a])) + popularity[a] + settings.Offset;
                click[u][a] = 1.0 / (1.0 + Math.Exp(-logit));
            }
        }

        // Arrivals and click draws are fixed up front so every policy faces the same rounds.
        int[] arrivals = [.. Enumerable.Range(0, settings.Rounds).Select(_ => random.Next(users))];
        double[] draws = [.. Enumerable.Range(0, settings.Rounds).Select(_ => random.NextDouble())];

        var featurizer = new DecisionFeaturizer(Options.Create(options));
        var actions = new DecisionAction[k];
        for (int a = 0; a < k; a++)
        {
            actions[a] = new DecisionAction($"item{a}")
            {
                Features = [.. Enumerable.Range(0, m).Select(i => new Feature($"item.f{i}", items[a][i])), Feature.Category("item", a.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            };
        }

        double[][] vectors = new double[users][];
        for (int u = 0; u < users; u++)
        {
            double[] seen = [.. taste[u].Select(t => t + (settings.ObservationNoise * Gaussian.Next(random)))];
            var context = new DecisionContext { Features = [.. Enumerable.Range(0, m).Select(i => new Feature($"user.f{i}", seen[i]))] };
            vectors[u] = await featurizer.FeaturizeAsync(context, actions, cancellationToken);
        }

        double oracle = 0, uniform = 0;
        double[] average = new double[k];
        foreach (int u in arrivals)
        {
            oracle += click[u].Max();
            uniform += click[u].Average();
            for (int a = 0; a < k; a++)
            {
                average[a] += click[u][a];
            }
        }

        int fixedBest = Array.IndexOf(average, average.Max());
        double bestFixed = average[fixedBest];
        var results = new List<BanditPolicyResult>();
        foreach (DecisionPolicy policy in (DecisionPolicy[])[DecisionPolicy.EpsilonGreedy, DecisionPolicy.ThompsonSampling, DecisionPolicy.LinUcb, DecisionPolicy.InverseGap])
        {
            cancellationToken.ThrowIfCancellationRequested();
            double earned = Run(policy, options, featurizer.Dimensions, k, vectors, click, arrivals, draws, settings.Seed);
            results.Add(new BanditPolicyResult(Name(policy), oracle - earned, earned / settings.Rounds));
        }

        return new BanditReport(settings, oracle - uniform, oracle - bestFixed, oracle / settings.Rounds, results);
    }

    /// <summary>The short name a policy is reported under.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The name.</returns>
    public static string Name(DecisionPolicy policy) => policy switch
    {
        DecisionPolicy.EpsilonGreedy => "egreedy",
        DecisionPolicy.ThompsonSampling => "lints",
        DecisionPolicy.LinUcb => "linucb",
        _ => "igw",
    };

    private static double Run(DecisionPolicy policy, DecidingOptions options, int d, int k, double[][] vectors, double[][] click, int[] arrivals, double[] draws, int seed)
    {
        var model = new BayesianLinearRegression(d, options.Ridge);
        var random = new Random(seed + 1);
        double earned = 0;
        for (int t = 0; t < arrivals.Length; t++)
        {
            int u = arrivals[t];
            PolicyChooser.Choice choice = PolicyChooser.Choose(model, vectors[u], k, policy, options, options.ExplorationRate, random, 1);
            int a = choice.Slate[0];
            earned += click[u][a];
            double reward = draws[t] < click[u][a] ? 1 : 0;
            model.Update(vectors[u].AsSpan(a * d, d), reward);
        }

        return earned;
    }

    private static double[][] Matrix(int rows, int columns, double scale, Random random)
        => [.. Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns).Select(_ => scale * Gaussian.Next(random)).ToArray())];

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
