using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Benchmarks.Corpus;
using Penchant.Domain;
using Penchant.Engine;
using Penchant.Learning.Ranking;
using Penchant.Ranking;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Benchmarks;

/// <summary>
/// Ranking 20 real HH-RLHF responses for a user with stated preferences and a model trained on
/// <see cref="ComparisonCorpus"/>, and the per-user online update one comparison makes; both without computing embeddings.
/// </summary>
/// <remarks>
/// <see cref="RankAsync"/> is the whole public call through the engine's default embedding cache, which setup has warmed
/// with the request and the candidates, so it measures everything but the model: the store reads, the gate, the stated
/// preferences, the learned model and the factors. <see cref="OnlineUpdate"/> is what <c>CompareAsync</c> does after
/// embedding and before the store write: the features of both responses, reading the user's part, three gradient
/// passes and serializing the part. Not sealed: BenchmarkDotNet accepts only unsealed benchmark classes.
/// </remarks>
public class RankingBenchmarks
{
    /// <summary>The number of candidates ranked.</summary>
    public const int Candidates = 20;

    private static readonly string[] Stated =
    [
        "I prefer short answers that get to the point.",
        "Use bullet points when you list steps.",
        "Never use emojis.",
        "I like a friendly, casual tone.",
        "Don't ask me follow-up questions, just answer.",
        "I'm vegetarian.",
        "Explain technical things in plain words, I'm not an engineer.",
        "When I ask about health, mention when I should see a doctor.",
    ];

    private readonly UserKey _user = new("benchmarks", "rank-user");
    private ServiceProvider _services = null!;
    private PenchantEngine _engine = null!;
    private RequestContext _request = null!;
    private string[] _candidates = null!;
    private RewardModel _model = null!;
    private byte[] _part = null!;
    private TextPair _comparison = null!;
    private Dictionary<string, float[]> _vectors = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // The default embedding cache: setup embeds the request and candidates once, so RankAsync finds them cached.
        _services = BenchmarkHost.Create();
        _engine = BenchmarkHost.Engine(_services);
        IEmbeddingGenerator<string, Embedding<float>> embeddings = BenchmarkHost.Embeddings(_services);
        ComparisonCorpus corpus = await ComparisonCorpus.LoadAsync(embeddings, CancellationToken.None);

        // A model of the default shape (4 prototypes); one epoch is enough, ranking time does not depend on the weights.
        (_model, UserPart[] parts) = RankingTrainer.Train(
            corpus.Train, ComparisonCorpus.Users, corpus.EmbeddingDimensions, RankingFitBenchmarks.DefaultOptions with { Epochs = 1 });
        _part = parts[0].ToBytes();
        IPreferenceStore store = _services.GetRequiredService<IPreferenceStore>();
        await store.SaveModelAsync(_user.TenantId, RankingModels.Name, _model.ToBytes(), 0);
        await store.SaveUserModelAsync(_user, RankingModels.Name, _part, 0);
        foreach (string statement in Stated)
        {
            await _engine.RememberAsync(_user, new Statement(statement));
        }

        // The first prompt and the responses of the first ten pairs (one topic's two, then others' as distractors).
        _request = new RequestContext(corpus.Pairs[0].Prompt);
        _candidates = [.. corpus.Pairs.Take(Candidates / 2).SelectMany(static p => (string[])[p.Chosen, p.Rejected])];
        CandidateRanking ranking = await RankAsync();

        HhPair pair = corpus.Pairs[^1];
        _comparison = new TextPair(pair.Prompt, pair.Chosen, pair.Rejected, 1f, false);
        GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync([pair.Prompt, pair.Chosen, pair.Rejected]);
        _vectors = new Dictionary<string, float[]>(StringComparer.Ordinal)
        {
            [pair.Prompt] = vectors[0].Vector.ToArray(),
            [pair.Chosen] = vectors[1].Vector.ToArray(),
            [pair.Rejected] = vectors[2].Vector.ToArray(),
        };
        int applied = ranking.Candidates.SelectMany(static c => c.Factors).Select(static f => f.Description).Distinct(StringComparer.Ordinal).Count();
        Console.WriteLine($"// {ranking.Candidates.Count} candidates ranked with model version {ranking.ModelVersion}, {applied} distinct factors; the update moves a part of {_part.Length} bytes.");
        if (ranking.Candidates.Count != Candidates || ranking.ModelVersion == 0)
        {
            throw new InvalidOperationException("The ranking did not use the trained model or lost candidates.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>The public call, embeddings served from the warm cache.</summary>
    [Benchmark(Baseline = true)]
    public Task<CandidateRanking> RankAsync() => _engine.RankAsync(_user, _request, _candidates);

    /// <summary>One comparison's online update of the user's part, without embedding and without the store write.</summary>
    [Benchmark]
    public byte[] OnlineUpdate()
        => RankingLearner.LearnOnline(_model, _model, UserPart.FromBytes(_part), [RankingSamples.Sample(_comparison, 0, _vectors)]).ToBytes();
}
