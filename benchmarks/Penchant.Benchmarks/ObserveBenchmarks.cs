using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Benchmarks.Corpus;
using Penchant.Domain;
using Penchant.Engine;
using Penchant.Signals;

namespace Penchant.Benchmarks;

/// <summary>
/// Observing a 300-turn conversation (150 user turns, 150 long assistant answers, 5 user turns that state a preference)
/// into a new user: extraction, embedding, reconciliation, hinting and the store commit.
/// </summary>
/// <remarks>
/// The engine runs with the default embedding cache, as in production. Each invocation observes a different conversation
/// into a new user, and no two conversations share a user turn the engine embeds (statements and first-person
/// follow-ups), so those texts are not in the cache yet, as for a new user.
/// Not sealed: BenchmarkDotNet accepts only unsealed benchmark classes.
/// </remarks>
[WarmupCount(1)]
[IterationCount(15)]
[InvocationCount(1)]
public class ObserveBenchmarks
{
    /// <summary>The number of conversations generated ahead; more invocations than this reuse one (its texts are then cached).</summary>
    public const int Conversations = 24;

    private const int Seed = 4_242;

    private ServiceProvider _services = null!;
    private PenchantEngine _engine = null!;
    private IReadOnlyList<ConversationTurn>[] _conversations = null!;
    private int _invocations;
    private int _users;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _services = BenchmarkHost.Create();
        _engine = BenchmarkHost.Engine(_services);
        var corpus = new ConversationCorpus(Seed);
        _conversations = new IReadOnlyList<ConversationTurn>[Conversations];
        for (int i = 0; i < _conversations.Length; i++)
        {
            _conversations[i] = corpus.Next();
        }

        // Loads the model, trains the extractor's classifier and embeds the hint lexicon, which happen once per process.
        int warm = await ObserveTurnByTurnAsync(new UserKey("benchmarks", "observe-warm-up"), corpus.Next(userTurns: 20, statements: 2));
        int characters = 0;
        foreach (ConversationTurn turn in _conversations[0])
        {
            characters += turn.Content.Length;
        }

        Console.WriteLine($"// Warm-up created {warm} preferences; each conversation has {_conversations[0].Count} turns ({characters:N0} characters in the first).");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// {_invocations} invocations over {Conversations} conversations.");
        _services.Dispose();
    }

    /// <summary>The whole conversation in one call, as an application importing a chat history does.</summary>
    [Benchmark]
    public Task<WriteResult> ObserveConversation() => _engine.ObserveAsync(NextUser(), NextConversation());

    /// <summary>The same amount of conversation, one user turn and its answer per call, as a live chat does.</summary>
    [Benchmark]
    public Task<int> ObserveTurnByTurn() => ObserveTurnByTurnAsync(NextUser(), NextConversation());

    private UserKey NextUser() => new("benchmarks", "observe-" + (++_users).ToString(CultureInfo.InvariantCulture));

    private IReadOnlyList<ConversationTurn> NextConversation() => _conversations[_invocations++ % Conversations];

    private async Task<int> ObserveTurnByTurnAsync(UserKey user, IReadOnlyList<ConversationTurn> conversation)
    {
        int created = 0;
        for (int i = 0; i + 1 < conversation.Count; i += 2)
        {
            WriteResult result = await _engine.ObserveAsync(user, [conversation[i], conversation[i + 1]]);
            created += result.Created.Count;
        }

        return created;
    }
}
