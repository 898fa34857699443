using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Testing;

namespace Penchant.Learning;

/// <summary>
/// A new signal and its learner are a type, a codec, a class and two registrations: no change to the engine, the store
/// or the server. The signal here ("the user's mood today") is trivial on purpose.
/// </summary>
public sealed class LearnerExtensibilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordAsync_RegisteredSignalAndLearner_LearnsAndRebuilds()
    {
        // Arrange
        var store = new InMemoryPreferenceStore();
        using ServiceProvider services = TestEngines.Create(store, b => b.AddSignal<Mood, MoodCodec>().AddLearner<MoodLearner>());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "mia");

        // Act
        WriteResult first = await engine.RecordAsync(user, [new Mood("cheerful")], cancellationToken: Ct);
        await engine.RecordAsync(user, [new Mood("tired")], cancellationToken: Ct);

        // Assert: the entry carries the new kind; the learner kept one preference, revised by the second mood.
        PreferenceEvent entry = Assert.Single(first.Events);
        Assert.Equal("mood", entry.Kind.Name);
        Assert.Null(entry.Kind.Code);
        Preference current = Assert.Single(await engine.ListAsync(user, Ct));
        Assert.Equal("Feels tired today.", current.Text);
        Assert.Equal(2, (await engine.HistoryAsync(user, Ct)).Count);
        Assert.Equal(2, (await store.GetUserModelAsync(user, "mood-count", Ct))!.Payload.Span[0]);

        // Act: a rebuild replays the new kind through the same learner.
        await engine.RebuildAsync(user, Ct);

        // Assert
        Assert.Equal("Feels tired today.", Assert.Single(await engine.ListAsync(user, Ct)).Text);
        Assert.Equal(2, (await engine.HistoryAsync(user, Ct)).Count);
        Assert.Equal(2, (await store.GetUserModelAsync(user, "mood-count", Ct))!.Payload.Span[0]);
    }

    [Fact]
    public async Task RecordAsync_UnregisteredSignal_ThrowsAndWritesNothing()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "mia");

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RecordAsync(user, [new Mood("calm")], cancellationToken: Ct));

        // Assert
        Assert.Contains("AddSignal", error.Message, StringComparison.Ordinal);
        Assert.Empty(await engine.HistoryAsync(user, Ct));
    }

    [Fact]
    public async Task RecordAsync_MalformedCustomSignal_ThrowsArgumentExceptionAndWritesNothing()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create(configure: b => b.AddSignal<Mood, MoodCodec>().AddLearner<MoodLearner>());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "mia");

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => engine.RecordAsync(user, [new Mood(" ")], cancellationToken: Ct));

        // Assert
        Assert.Equal("mood", error.ParamName);
        Assert.Empty(await engine.HistoryAsync(user, Ct));
    }

    private sealed record Mood(string Word, DateTimeOffset? At = null) : Signal;

    private sealed class MoodCodec : SignalCodec<Mood>
    {
        public override EventKind Kind { get; } = EventKind.FromName("mood");

        public override void Validate(Mood signal, SignalRules rules) => rules.Text(signal.Word, "mood");

        public override SignalEntry Encode(Mood signal) => new(signal.Word.Trim());

        public override Mood? Decode(PreferenceEvent entry) => entry.Text is null ? null : new Mood(entry.Text, entry.At);
    }

    private sealed class MoodLearner : ILearner
    {
        public bool Reads(EventKind kind) => kind.Name == "mood";

        public async ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
        {
            Mood mood = context.Decode<Mood>(entry) ?? throw new InvalidOperationException("Not a mood.");
            string id = "pf_mood_" + entry.Id;
            foreach (Preference old in context.Preferences.Current().Where(static p => p.Id.StartsWith("pf_mood_", StringComparison.Ordinal)))
            {
                context.Preferences.Supersede(old with { SupersededBy = id });
            }

            context.Preferences.Add(new Preference { Id = id, Text = $"Feels {mood.Word} today.", Sources = [entry.Id], CreatedAt = entry.At, UpdatedAt = entry.At });
            ReadOnlyMemory<byte>? count = await context.Models.GetAsync("mood-count", cancellationToken);
            byte seen = count is { Length: > 0 } c ? c.Span[0] : (byte)0;
            context.Models.Set("mood-count", new byte[] { (byte)(seen + 1), 1 });
        }
    }
}
