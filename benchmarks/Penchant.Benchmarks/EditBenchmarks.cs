using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Learning.Edits;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant.Benchmarks;

/// <summary>
/// Recording an edit, excluding the embedding of its context: the engine's whole write (validation, the edit learner
/// measuring both texts, aggregating the nearest of 200 earlier edits, rewriting the user's edit memory, the in-memory
/// store's commit) with an embedding generator that returns a ready vector; and the learner's step alone.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet accepts only unsealed benchmark classes.</remarks>
public class EditBenchmarks
{
    private const int Dimensions = 384;
    private const int PriorEdits = 200;
    private const string Output = "Hello team. The release moved to Friday because the integration tests failed on Tuesday. Please plan accordingly, and thanks for your patience while we fix the pipeline.";
    private const string Edited = "Hi all,\n\n- Release moved to Friday\n- Integration tests failed on Tuesday\n- Please plan accordingly\n\nThanks!";

    private ServiceProvider _services = null!;
    private IPenchant _engine = null!;
    private EditMemory _memory = null!;
    private float[] _context = null!;
    private Edit _edit = null!;
    private int _users;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var random = new Random(16);
        _context = Vector(random);
        var services = new ServiceCollection();
        services.AddSingleton<IPreferenceStore, InMemoryPreferenceStore>();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new ReadyVectors(_context));
        services.AddPenchant();
        _services = services.BuildServiceProvider();
        _engine = _services.GetRequiredService<IPenchant>();
        _edit = new Edit("Write a status email to the team about the release", Output, Edited);

        // A memory of 200 earlier edits in nearby contexts, as a user who has edited for a while has.
        _memory = new EditMemory();
        for (int i = 0; i < PriorEdits; i++)
        {
            float[] near = Vector(random);
            for (int d = 0; d < Dimensions; d++)
            {
                near[d] += _context[d];
            }

            _memory.Learn("ev" + i, near, Output, i % 3 == 0 ? Output : Edited);
        }

        // Every benchmark user starts with the same 200 edits.
        for (int u = 0; u < 64; u++)
        {
            await _engine.RecordAsync(new UserKey("benchmarks", "edits-" + u), [.. Enumerable.Repeat<Signal>(_edit, PriorEdits)]);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>The engine's write of one edit for a user with 200 earlier edits, embedding excluded.</summary>
    [Benchmark(Baseline = true)]
    public Task<WriteResult> RecordEdit() => _engine.RecordAsync(new UserKey("benchmarks", "edits-" + (_users++ % 64)), [_edit]);

    /// <summary>The learner's step alone: measure, aggregate the nearest of 200, keep, serialize.</summary>
    [Benchmark]
    public int LearnEdit()
    {
        EditMemory copy = EditMemory.FromBytes(_memory.ToBytes());
        copy.Learn("ev-new", _context, Output, Edited);
        return copy.ToBytes().Length;
    }

    private static float[] Vector(Random random)
    {
        var v = new float[Dimensions];
        for (int d = 0; d < Dimensions; d++)
        {
            v[d] = (float)(random.NextDouble() - 0.5);
        }

        return v;
    }

    /// <summary>An embedding generator that returns one ready vector: the benchmark leaves the model out.</summary>
    private sealed class ReadyVectors(float[] vector) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
            => Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(vector))));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
