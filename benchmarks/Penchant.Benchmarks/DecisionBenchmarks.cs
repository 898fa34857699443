using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Deciding;
using Penchant.Domain;

namespace Penchant.Benchmarks;

/// <summary>
/// One decision among <see cref="Actions"/> actions with precomputed numeric and categorical features (no texts, so no
/// embedding), and its reward: the whole public calls <c>DecideAsync</c> + <c>RewardAsync</c> through the engine, each a
/// signal written to the user's log (in-memory store) and learned by the decision policy. The actions are the same on
/// every call, as an application's catalog is: the first decision logs them (its action set), every later one logs a
/// reference to that set with its own context, slate and propensities.
/// </summary>
/// <remarks>
/// <c>Decide</c> and <c>Reward</c> measure the two calls apart; <c>Reward</c>'s decisions are made in an iteration setup,
/// outside the measurement. The user's policy is warmed with 500 decisions and rewards in setup. Each invocation adds two events to the in-memory
/// log, so the invocation count is fixed to keep the log's memory bounded. Not sealed: BenchmarkDotNet accepts only
/// unsealed benchmark classes.
/// </remarks>
[WarmupCount(2)]
[IterationCount(10)]
[InvocationCount(InvocationsPerIteration)]
public class DecisionBenchmarks
{
    /// <summary>The number of actions each decision chooses among.</summary>
    public const int Actions = 100;

    /// <summary>The number of calls in one measured iteration.</summary>
    public const int InvocationsPerIteration = 1_000;

    private readonly Queue<string> _pending = new();

    private readonly UserKey _user = new("benchmarks", "decision-user");
    private ServiceProvider _services = null!;
    private IDecider _decider = null!;
    private DecisionContext _context = null!;
    private DecisionAction[] _actions = null!;
    private DecisionOptions _inverseGap = null!;
    private DecisionOptions _thompson = null!;
    private int _round;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _services = BenchmarkHost.Create();
        _decider = _services.GetRequiredService<IDecider>();
        var random = new Random(20261207);
        _context = new DecisionContext
        {
            Features = [Feature.Category("device", "mobile"), Feature.Category("time", "evening"), new Feature("user.age", 0.31), new Feature("user.visits", 1.2), Feature.Category("country", "pt")],
        };
        _actions = new DecisionAction[Actions];
        for (int a = 0; a < Actions; a++)
        {
            string id = "item" + a.ToString(CultureInfo.InvariantCulture);
            _actions[a] = new DecisionAction(id)
            {
                Features = [Feature.Category("category", "c" + (a % 12).ToString(CultureInfo.InvariantCulture)), new Feature("price", random.NextDouble()), new Feature("rating", random.NextDouble()), new Feature("age.days", random.NextDouble())],
            };
        }

        _inverseGap = new DecisionOptions { Policy = DecisionPolicy.InverseGap };
        _thompson = new DecisionOptions { Policy = DecisionPolicy.ThompsonSampling };
        for (int i = 0; i < 500; i++)
        {
            await DecideAndRewardAsync(_inverseGap);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>Decides for each reward of the next iteration of <see cref="Reward"/> (not measured).</summary>
    [IterationSetup(Target = nameof(Reward))]
    public async Task DecideForRewardsAsync()
    {
        _pending.Clear();
        for (int i = 0; i < InvocationsPerIteration; i++)
        {
            _pending.Enqueue((await _decider.DecideAsync(_user, _context, _actions, _inverseGap)).DecisionId);
        }
    }

    /// <summary>Rewards the decisions the last iteration of <see cref="Decide"/> made (not measured), so they do not pile up.</summary>
    [IterationCleanup(Target = nameof(Decide))]
    public async Task RewardDecisionsAsync()
    {
        while (_pending.TryDequeue(out string? id))
        {
            await _decider.RewardAsync(_user, id, 0.0);
        }
    }

    /// <summary>Decide with inverse-gap weighting (the default policy), no reward: the decision is logged and waits.</summary>
    /// <remarks>The decisions of one iteration wait for their rewards together, so the policy carries up to 1,000 of them.</remarks>
    [Benchmark]
    public async Task Decide() => _pending.Enqueue((await _decider.DecideAsync(_user, _context, _actions, _inverseGap)).DecisionId);

    /// <summary>Reward a decision made before the iteration (one of <see cref="InvocationsPerIteration"/>).</summary>
    [Benchmark]
    public Task<RewardResult> Reward() => _decider.RewardAsync(_user, _pending.Dequeue(), (_round++ & 3) == 0 ? 1.0 : 0.0);

    /// <summary>Decide with inverse-gap weighting (the default policy) and reward.</summary>
    [Benchmark(Baseline = true)]
    public Task DecideAndRewardInverseGap() => DecideAndRewardAsync(_inverseGap);

    /// <summary>Decide with Thompson sampling (propensities from 32 posterior draws) and reward.</summary>
    [Benchmark]
    public Task DecideAndRewardThompson() => DecideAndRewardAsync(_thompson);

    private async Task DecideAndRewardAsync(DecisionOptions options)
    {
        DecisionResult decision = await _decider.DecideAsync(_user, _context, _actions, options);
        await _decider.RewardAsync(_user, decision.DecisionId, (_round++ & 3) == 0 ? 1.0 : 0.0);
    }
}
