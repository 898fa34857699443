using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Searching;
using Penchant.Signals;
using Penchant.Storage;
using Penchant.Testing;

namespace Penchant.Benchmarks;

/// <summary>
/// Searching and listing a user with 500 current preferences in a real SQLite file, a fifth of them with the metadata
/// <c>app=mail</c>: a warm search (the BM25 tokenization kept with the cached state), the same search filtered through the
/// metadata index, a filtered listing, and, as the baseline, what every search used to pay on top: tokenizing all 500 texts.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet accepts only unsealed benchmark classes.</remarks>
public class SearchBenchmarks
{
    private const int Preferences = 500;

    private static readonly string[] Subjects = ["gluten", "coffee", "tables in reports", "aisle seats", "morning meetings", "short emails", "spicy food", "trains", "dark mode", "podcasts"];
    private static readonly string[] Settings = ["at dinner", "on long flights", "for my team", "on weekends", "when travelling", "at the depot", "with family", "on the night shift"];
    private static readonly string[] Apps = ["mail", "chat", "calendar", "notes", "travel"];

    private readonly UserKey _user = new("benchmarks", "search");
    private readonly PreferenceSearch _search = new("what do you know about my diet at dinner?");
    private readonly MetadataFilter _mail = MetadataFilter.Of(new Dictionary<string, string> { ["app"] = "mail" });
    private ServiceProvider _services = null!;
    private IPenchant _engine = null!;
    private string[] _texts = null!;
    private string _directory = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "penchant-search-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var embeddings = new HashingEmbeddingGenerator();
        var services = new ServiceCollection();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embeddings);
        services.AddPenchant().UseSqlite(Path.Combine(_directory, "search.db"));
        _services = services.BuildServiceProvider();
        _engine = _services.GetRequiredService<IPenchant>();

        _texts = [.. Enumerable.Range(0, Preferences).Select(static i => $"prefers {Subjects[i % Subjects.Length]} {Settings[i / Subjects.Length % Settings.Length]} (note {i})")];
        GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync(_texts);
        DateTimeOffset at = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Preference[] preferences = [.. _texts.Select((text, i) => new Preference
        {
            Id = $"pf_{i}",
            Text = text,
            CreatedAt = at,
            UpdatedAt = at,
            Embedding = vectors[i].Vector,
            Metadata = new Dictionary<string, string> { ["app"] = Apps[i % Apps.Length] },
        })];
        await _services.GetRequiredService<IPreferenceStore>().CommitAsync(_user, new UserChange { Append = [new PreferenceEvent { Id = "ev_1", Kind = EventKind.Statement, Text = "seed", At = at }], Upsert = preferences });

        // Warm: the state is cached and its search index built, as after the first search of a user.
        await _engine.SearchAsync(_user, _search);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>What every search paid before the index was kept with the state: tokenizing every current preference for BM25.</summary>
    [Benchmark(Baseline = true)]
    public object TokenizeEveryPreference() => new Bm25(_texts);

    /// <summary>A warm search of all 500 preferences.</summary>
    [Benchmark]
    public Task<IReadOnlyList<PreferenceMatch>> Search() => _engine.SearchAsync(_user, _search);

    /// <summary>A warm search of the 100 preferences with <c>app=mail</c>, read through the metadata index.</summary>
    [Benchmark]
    public Task<IReadOnlyList<PreferenceMatch>> SearchFiltered() => _engine.SearchAsync(_user, _search with { Filter = _mail });

    /// <summary>Listing the 100 preferences with <c>app=mail</c> through the metadata index.</summary>
    [Benchmark]
    public Task<IReadOnlyList<Preference>> ListFiltered() => _engine.ListAsync(_user, _mail);
}
