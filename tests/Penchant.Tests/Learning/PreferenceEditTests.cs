using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Testing;

namespace Penchant.Learning;

/// <summary>An edit supersedes the preference with a new version carrying the change; a bad edit changes nothing.</summary>
public sealed class PreferenceEditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EditPreferenceAsync_NewText_SupersedesWithNewVersionAndKeepsHistory()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "ines");
        Preference original = (await engine.RememberAsync(user, new Statement("My coffee is always black."), Ct)).Created[0];

        // Act
        WriteResult result = await engine.EditPreferenceAsync(user, new PreferenceEdit(original.Id, Text: "I drink tea, not coffee.", Scope: "mornings", Strength: 0.9), Ct);

        // Assert
        Preference current = Assert.Single(await engine.ListAsync(user, Ct));
        Assert.Equal("I drink tea, not coffee.", current.Text);
        Assert.Equal("mornings", current.Scope.Text);
        Assert.Equal(0.9, current.Strength, 3);
        Assert.NotEqual(original.Id, current.Id);
        Assert.False(original.Embedding.Span.SequenceEqual(current.Embedding.Span));
        Assert.Equal(current.Id, Assert.Single(result.Created).Id);
        Assert.Equal(original.Id, Assert.Single(result.Superseded).Id);
        IReadOnlyList<Preference> history = await engine.HistoryAsync(user, Ct);
        Assert.Equal(current.Id, Assert.Single(history, p => p.Id == original.Id).SupersededBy);
    }

    [Fact]
    public async Task EditPreferenceAsync_EmptyScope_AppliesEverywhere()
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "ines");
        Preference original = (await engine.RememberAsync(user, new Statement("Keep answers short.", Scope: "work emails"), Ct)).Created[0];

        await engine.EditPreferenceAsync(user, new PreferenceEdit(original.Id, Scope: ""), Ct);

        Assert.False(Assert.Single(await engine.ListAsync(user, Ct)).Scope.IsScoped);
    }

    [Fact]
    public async Task EditPreferenceAsync_UnknownOrSupersededPreference_ThrowsNotFoundAndWritesNothing()
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "ines");
        Preference original = (await engine.RememberAsync(user, new Statement("My coffee is always black."), Ct)).Created[0];
        await engine.EditPreferenceAsync(user, new PreferenceEdit(original.Id, Strength: 0.2), Ct);
        int events = (await engine.ExportAsync(user, Ct).ToListAsync(Ct)).Count;

        await Assert.ThrowsAsync<NotFoundException>(() => engine.EditPreferenceAsync(user, new PreferenceEdit("pf_nothing", Strength: 0.5), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => engine.EditPreferenceAsync(user, new PreferenceEdit(original.Id, Strength: 0.5), Ct));

        Assert.Equal(events, (await engine.ExportAsync(user, Ct).ToListAsync(Ct)).Count);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(" ", null, null)]
    [InlineData(null, null, 1.5)]
    [InlineData(null, null, double.NaN)]
    public async Task EditPreferenceAsync_InvalidEdit_ThrowsArgumentException(string? text, string? scope, double? strength)
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "ines");
        Preference original = (await engine.RememberAsync(user, new Statement("My coffee is always black."), Ct)).Created[0];

        await Assert.ThrowsAnyAsync<ArgumentException>(() => engine.EditPreferenceAsync(user, new PreferenceEdit(original.Id, text, scope, strength), Ct));

        Assert.Equal(original.Text, Assert.Single(await engine.ListAsync(user, Ct)).Text);
    }

    [Fact]
    public async Task ForgetAsync_EditedPreference_ForgetsEveryVersionAndRestoresNone()
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "ines");
        Preference original = (await engine.RememberAsync(user, new Statement("My coffee is always black."), Ct)).Created[0];
        Preference edited = (await engine.EditPreferenceAsync(user, new PreferenceEdit(original.Id, Text: "I drink my coffee with oat milk."), Ct)).Created[0];

        await engine.ForgetAsync(user, edited.Id, Ct);

        Assert.Empty(await engine.ListAsync(user, Ct));
        Assert.Empty(await engine.HistoryAsync(user, Ct));
        Assert.Empty(await engine.RebuildAsync(user, Ct));
    }
}
