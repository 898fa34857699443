using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Testing;

namespace Penchant.Benchmarks;

/// <summary>
/// Explaining a user with 1,000 signals (comparisons, choices and edits in equal parts) from a real SQLite file: reading
/// the user's log, decoding every judgement, proposing principles on half and testing them on the other half.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet accepts only unsealed benchmark classes.</remarks>
public class ExplainBenchmarks
{
    private const int Signals = 1_000;

    private static readonly string[] Topics = ["the release", "the budget", "the hiring plan", "the outage", "the roadmap", "the office move"];

    private readonly UserKey _user = new("benchmarks", "explain");
    private ServiceProvider _services = null!;
    private IPenchant _engine = null!;
    private string _directory = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "penchant-explain-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var services = new ServiceCollection();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashingEmbeddingGenerator());
        services.AddPenchant().UseSqlite(Path.Combine(_directory, "explain.db"));
        _services = services.BuildServiceProvider();
        _engine = _services.GetRequiredService<IPenchant>();

        // This user prefers short, listed answers, with a little noise: one judgement in ten goes the other way.
        var random = new Random(19);
        var batch = new List<Signal>();
        for (int i = 0; i < Signals; i++)
        {
            string topic = Topics[i % Topics.Length];
            string brief = $"- {topic} is on track\n- next review on day {i % 28 + 1}";
            string wordy = $"Thank you for asking about {topic}. After a long discussion we believe that it is broadly on track, and we will review it again on day {i % 28 + 1}, as agreed with everyone involved.";
            bool noise = random.NextDouble() < 0.1;
            (string preferred, string rejected) = noise ? (wordy, brief) : (brief, wordy);
            batch.Add((i % 3) switch
            {
                0 => new Comparison($"Give me an update on {topic}", preferred, rejected),
                1 => new Choice($"Summarize {topic}", [rejected, preferred], 1),
                _ => new Edit($"Draft a note about {topic}", rejected, preferred),
            });
            if (batch.Count == 50)
            {
                await _engine.RecordAsync(_user, batch);
                batch.Clear();
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The principles of a user with 1,000 signals.</summary>
    [Benchmark]
    public Task<IReadOnlyList<Principle>> Explain() => _engine.ExplainAsync(_user);
}
