using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage.Codecs;
using Penchant.Testing;

namespace Penchant.Learning.Scopes;

/// <summary>A narrowing supersedes the preference with a version whose scope excludes the situation; it survives a rebuild and a store round trip.</summary>
public sealed class ScopeNarrowingLearnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordAsync_Narrowing_SupersedesWithExclusionAndKeepsScope()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "milo");
        Preference original = (await engine.RememberAsync(user, new Statement("Sign off messages with my first name only.", Scope: "texts"), Ct)).Created[0];

        // Act
        WriteResult result = await engine.RecordAsync(user, [new ScopeNarrowing(original.Id, "not for my landlord")], null, Ct);

        // Assert
        Preference current = Assert.Single(await engine.ListAsync(user, Ct));
        Assert.Equal(original.Scope.Text, current.Scope.Text);
        Assert.Equal(["my landlord"], current.Scope.Exclusions);
        Assert.Equal(original.Id, Assert.Single(result.Superseded).Id);
        Assert.Equal(original.Sources.Count + 1, current.Sources.Count);
    }

    [Fact]
    public async Task RebuildAsync_AfterTwoNarrowings_KeepsBothExclusions()
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "milo");
        Preference original = (await engine.RememberAsync(user, new Statement("Suggest a stretching routine after each run."), Ct)).Created[0];
        await engine.RecordAsync(user, [new ScopeNarrowing(original.Id, "never during race week")], null, Ct);
        string narrowedId = Assert.Single(await engine.ListAsync(user, Ct)).Id;
        await engine.RecordAsync(user, [new ScopeNarrowing(narrowedId, "trail runs")], null, Ct);

        IReadOnlyList<Preference> rebuilt = await engine.RebuildAsync(user, Ct);

        Preference current = Assert.Single(rebuilt, static p => p.IsCurrent);
        Assert.Equal(["race week", "trail runs"], current.Scope.Exclusions);
        Assert.Equal(["race week", "trail runs"], Assert.Single(await engine.ListAsync(user, Ct)).Scope.Exclusions);
    }

    [Fact]
    public async Task RecordAsync_UnknownPreferenceOrBlankSituation_ChangesNothing()
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "milo");
        Preference original = (await engine.RememberAsync(user, new Statement("Suggest a stretching routine after each run."), Ct)).Created[0];
        int events = (await engine.ExportAsync(user, Ct).ToListAsync(Ct)).Count;

        await Assert.ThrowsAsync<NotFoundException>(() => engine.RecordAsync(user, [new ScopeNarrowing("pf_missing", "my landlord")], null, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => engine.RecordAsync(user, [new ScopeNarrowing(original.Id, " ")], null, Ct));

        Assert.Equal(events, (await engine.ExportAsync(user, Ct).ToListAsync(Ct)).Count);
        Assert.Empty(Assert.Single(await engine.ListAsync(user, Ct)).Scope.Exclusions);
    }

    [Fact]
    public void PreferenceCodec_ScopeWithExclusions_RoundTrips()
    {
        var preference = new Preference
        {
            Id = "pf_1",
            Text = "Use a formal greeting.",
            Scope = new PreferenceScope { Exclusions = ["my landlord", "the book club"] },
        };

        Preference decoded = PreferenceCodec.FromJson("pf_1", PreferenceCodec.ToJson(preference), default);

        Assert.Equal(["my landlord", "the book club"], decoded.Scope.Exclusions);
        Assert.Null(decoded.Scope.Text);
    }

    [Theory]
    [InlineData("not for my landlord", "my landlord")]
    [InlineData("But not when I write to the book club.", "I write to the book club")]
    [InlineData("weekend trips", "weekend trips")]
    public void Situation_StripsNegationAndPreposition(string notFor, string expected)
        => Assert.Equal(expected, ScopeNarrowingLearner.Situation(notFor));
}
