using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Benchmarks.Corpus;
using Penchant.Domain;
using Penchant.Recommending;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant.Benchmarks;

/// <summary>
/// Predicting the next item for one user with a next-item model trained (in setup) on <see cref="SequenceCorpus"/>: the
/// scoring of every item alone, the top-10 recommendation from a history, and the public
/// <see cref="SequenceQuery.RecommendNextAsync"/> call over the in-memory store (the user's sequence read from the store,
/// the tenant's model from the query's cache).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet accepts only unsealed benchmark classes.</remarks>
public class NextItemBenchmarks
{
    private const string Tenant = "bench";
    private readonly UserKey _user = new(Tenant, "shopper");
    private NextItemCatalog _catalog = null!;
    private int[] _history = null!;
    private ulong[] _keys = null!;
    private float[] _scores = null!;
    private ServiceProvider _services = null!;
    private SequenceQuery _query = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        List<int[]> sequences = SequenceCorpus.Create();
        string[] items = [.. Enumerable.Range(0, SequenceCorpus.Items).Select(static i => $"sku-{i:D6}")];
        _catalog = new NextItemCatalog(items, NextItemTrainer.Train(sequences, items.Length, new NextItemOptions()));

        // A user with ten choices, the median history length of the corpus.
        _history = [.. sequences[17].Take(10)];
        _keys = [.. _history.Select(i => ItemKey.Of(items[i]))];
        _scores = new float[items.Length];

        var services = new ServiceCollection();
        services.AddSingleton<IPreferenceStore, InMemoryPreferenceStore>();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashingEmbeddingGenerator());
        services.AddPenchant().AddSequenceRecommendation();
        _services = services.BuildServiceProvider();
        _query = _services.GetRequiredService<SequenceQuery>();
        IPreferenceStore store = _services.GetRequiredService<IPreferenceStore>();
        UserSequence sequence = UserSequence.Empty();
        foreach (ulong key in _keys)
        {
            sequence.Append(key);
        }

        await store.SaveModelAsync(Tenant, SequenceQuery.ModelName, _catalog.ToBytes(), 0);
        await store.SaveUserModelAsync(_user, UserSequence.Name, sequence.ToBytes(), 0);
        await _query.RecommendNextAsync(_user, 10);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>Scores all 50,000 items after a ten-item history (links of the history, then two steps from the best 200).</summary>
    [Benchmark(Baseline = true)]
    public float ScoreAllItems()
    {
        _catalog.Model.Score(_history, _scores);
        return _scores[0];
    }

    /// <summary>The top 10 from the history's keys: scoring, leaving out the history, and the selection.</summary>
    [Benchmark]
    public int RecommendTop10() => _catalog.Recommend(_keys, 10).Count;

    /// <summary>The public call: the user's sequence from the store and the top 10.</summary>
    [Benchmark]
    public async Task<int> RecommendNextAsync() => (await _query.RecommendNextAsync(_user, 10)).Count;
}
