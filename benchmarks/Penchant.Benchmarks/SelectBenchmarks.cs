using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Benchmarks.Corpus;
using Penchant.Domain;
using Penchant.Engine;
using Penchant.Selecting;
using Penchant.Signals;

namespace Penchant.Benchmarks;

/// <summary>
/// Selecting preferences for a request, for a user with 200 varied preferences: the whole call (embedding the request,
/// which dominates) and the scoring path alone (gate and prompt rendering over prepared preferences, no I/O).
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet accepts only unsealed benchmark classes.</remarks>
public class SelectBenchmarks
{
    /// <summary>The number of current preferences the user holds.</summary>
    public const int PreferenceCount = 200;

    private const int Seed = 20_260_213;

    // A trip with children, a hotel and meals: dozens of the travel, food and family preferences apply, so the gate and the
    // prompt renderer have real work to do.
    private static readonly RequestContext Request = new(
        "Plan a four-day trip to Lisbon for me and my kids in April: how to get there, a hotel, and where to eat each evening.");

    // What SelectAsync embeds: the request and, when it has one, its situation (see RequestView.Situation).
    private static readonly string[] RequestTexts = RequestView.Situation(Request.Text) is { } situation ? [Request.Text, situation] : [Request.Text];

    private readonly UserKey _user = new("benchmarks", "select-200");
    private ServiceProvider _services = null!;
    private PenchantEngine _engine = null!;
    private SelectionQuery _selection = null!;
    private IEmbeddingGenerator<string, Embedding<float>> _embeddings = null!;
    private IReadOnlyList<PreparedPreference> _prepared = null!;
    private RequestView _view = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // No embedding cache, so every SelectAsync embeds the request as it would for a request never seen before.
        _services = BenchmarkHost.Create(static o => o.CacheSize = 0);
        _engine = BenchmarkHost.Engine(_services);
        _selection = _services.GetRequiredService<SelectionQuery>();
        _embeddings = BenchmarkHost.Embeddings(_services);

        int used = 0;
        IReadOnlyList<string> candidates = PreferenceCorpus.Create(Seed);
        int current = 0;
        while (current < PreferenceCount)
        {
            if (used == candidates.Count)
            {
                throw new InvalidOperationException($"The corpus ran out after {current} distinct preferences; add templates to PreferenceCorpus.");
            }

            // A candidate close to an earlier one reinforces it instead of adding a preference, so remember until there are 200.
            await _engine.RememberAsync(_user, new Statement(candidates[used++]));
            current = (await _engine.ListAsync(_user)).Count;
        }

        _prepared = await _selection.PrepareAsync(_user, CancellationToken.None);
        GeneratedEmbeddings<Embedding<float>> vector = await _embeddings.GenerateAsync(RequestTexts);
        _view = new RequestView(Request, vector[0].Vector, RequestTexts.Length > 1 ? vector[1].Vector : default);

        Selection direct = _selection.SelectPrepared(_prepared, _view);
        Selection full = await _engine.SelectAsync(_user, Request);
        Console.WriteLine($"// {_prepared.Count} prepared preferences from {used} statements; {direct.Preferences.Count} selected ({full.Preferences.Count} through SelectAsync), prompt block {direct.PromptBlock.Length} chars.");
        if (_prepared.Count != PreferenceCount || direct.Preferences.Count != full.Preferences.Count)
        {
            throw new InvalidOperationException("The two benchmarks would not measure the same selection.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public Task<Selection> SelectIncludingEmbedding() => _engine.SelectAsync(_user, Request);

    /// <summary>Embedding the request alone: what <see cref="SelectIncludingEmbedding"/> adds to the scoring path.</summary>
    [Benchmark]
    public Task<GeneratedEmbeddings<Embedding<float>>> EmbedRequestOnly() => _embeddings.GenerateAsync(RequestTexts);

    [Benchmark(Baseline = true)]
    public Selection SelectExcludingEmbedding() => _selection.SelectPrepared(_prepared, _view);
}
