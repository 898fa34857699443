using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Testing;

namespace Penchant.Explaining;

/// <summary>
/// A user's verdicts on principles are signals: confirming marks a principle, deleting hides it, correcting hides it and
/// turns the user's wording into a stated preference; a verdict on a principle nobody proposed changes nothing. A tenant's
/// explanation pools its users' judgements and counts the users each principle describes.
/// </summary>
public sealed class PrincipleVerdictTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExplainAsync_AfterConfirm_MarksThePrincipleConfirmed()
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "noor");
        Principle principle = await ProposedAsync(engine, user);

        await engine.JudgePrincipleAsync(user, new PrincipleVerdict(principle.Id, PrincipleVerdictKind.Confirm), Ct);

        Principle after = Assert.Single(await engine.ExplainAsync(user, Ct), p => p.Id == principle.Id);
        Assert.Equal(PrincipleStatus.Proposed, principle.Status);
        Assert.Equal(PrincipleStatus.Confirmed, after.Status);
    }

    [Fact]
    public async Task ExplainAsync_AfterDelete_NoLongerShowsThePrinciple_AndALaterConfirmShowsItAgain()
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "noor");
        Principle principle = await ProposedAsync(engine, user);

        await engine.JudgePrincipleAsync(user, new PrincipleVerdict(principle.Id, PrincipleVerdictKind.Delete), Ct);
        IReadOnlyList<Principle> afterDelete = await engine.ExplainAsync(user, Ct);
        await engine.JudgePrincipleAsync(user, new PrincipleVerdict(principle.Id, PrincipleVerdictKind.Confirm), Ct);

        Assert.DoesNotContain(afterDelete, p => p.Id == principle.Id);
        Assert.Contains(await engine.ExplainAsync(user, Ct), p => p.Id == principle.Id && p.Status == PrincipleStatus.Confirmed);
    }

    [Fact]
    public async Task JudgePrincipleAsync_Correct_HidesThePrincipleAndRemembersTheCorrectionAsAPreference()
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "noor");
        Principle principle = await ProposedAsync(engine, user);
        const string Correction = "I like brief answers only for status updates, not for design discussions.";

        WriteResult result = await engine.JudgePrincipleAsync(user, new PrincipleVerdict(principle.Id, PrincipleVerdictKind.Correct, Correction), Ct);

        Preference created = Assert.Single(result.Created);
        Assert.Equal(Correction, created.Text);
        Assert.Equal(result.Events.Select(e => e.Id), created.Sources);
        Assert.DoesNotContain(await engine.ExplainAsync(user, Ct), p => p.Id == principle.Id);
        Assert.Contains(await engine.ListAsync(user, Ct), p => p.Id == created.Id);
    }

    [Fact]
    public async Task JudgePrincipleAsync_UnknownPrinciple_ThrowsNotFoundAndWritesNothing()
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "noor");
        await ProposedAsync(engine, user);
        int before = (await engine.ExportAsync(user, Ct).ToListAsync(Ct)).Count;

        await Assert.ThrowsAsync<NotFoundException>(() => engine.JudgePrincipleAsync(user, new PrincipleVerdict("no-such-principle", PrincipleVerdictKind.Delete), Ct));

        Assert.Equal(before, (await engine.ExportAsync(user, Ct).ToListAsync(Ct)).Count);
    }

    [Theory]
    [InlineData(PrincipleVerdictKind.Correct, null)]
    [InlineData(PrincipleVerdictKind.Confirm, "a text only a correction carries")]
    [InlineData((PrincipleVerdictKind)7, null)]
    public async Task JudgePrincipleAsync_MalformedVerdict_ThrowsArgumentException(PrincipleVerdictKind kind, string? correction)
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => engine.JudgePrincipleAsync(new UserKey("acme", "noor"), new PrincipleVerdict("length:-1", kind, correction), Ct));
    }

    [Fact]
    public async Task RebuildAsync_AfterCorrection_KeepsTheCorrectedPreference()
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        var user = new UserKey("acme", "noor");
        Principle principle = await ProposedAsync(engine, user);
        await engine.JudgePrincipleAsync(user, new PrincipleVerdict(principle.Id, PrincipleVerdictKind.Correct, "Short answers suit me for quick questions."), Ct);
        IReadOnlyList<Preference> live = await engine.ListAsync(user, Ct);

        IReadOnlyList<Preference> rebuilt = await engine.RebuildAsync(user, Ct);

        Assert.Equal(live.Select(p => (p.Id, p.Text)), rebuilt.Select(p => (p.Id, p.Text)));
    }

    [Fact]
    public async Task ExplainTenantAsync_PoolsUsersAndCountsWhomEachPrincipleDescribes_WithinTheTenantOnly()
    {
        using ServiceProvider services = TestEngines.Create(new InMemoryPreferenceStore());
        IPenchant engine = services.GetRequiredService<IPenchant>();
        await ProposedAsync(engine, new UserKey("acme", "noor"));
        await ProposedAsync(engine, new UserKey("acme", "ravi"));
        await ProposedAsync(engine, new UserKey("globex", "li"));
        await engine.RememberAsync(new UserKey("acme", "quiet"), new Statement("I read on paper."), Ct);

        string noorsFirst = (await engine.ExplainAsync(new UserKey("acme", "noor"), Ct))[0].Id;

        TenantExplanation tenant = await engine.ExplainTenantAsync("acme", Ct);

        Assert.Equal(3, tenant.Users);
        Assert.False(tenant.Truncated);
        Assert.Equal(2 * Judgements, tenant.Judgements);
        TenantPrinciple shorter = Assert.Single(tenant.Principles, p => p.Principle.Id == noorsFirst);
        Assert.Equal(2, shorter.Users);
        Assert.Equal(2 * Judgements, shorter.Principle.Sources.Count);
    }

    private const int Judgements = 12;

    // A user who prefers the brief, listed answer in every comparison, so the miner proposes at least one principle.
    private static async Task<Principle> ProposedAsync(IPenchant engine, UserKey user)
    {
        var signals = new List<Signal>();
        string[] subjects = ["the garden shed", "the tax forms", "the bicycle repair", "the piano lessons", "the school run", "the kitchen tiles"];
        for (int i = 0; i < Judgements; i++)
        {
            string subject = subjects[i % subjects.Length];
            signals.Add(new Comparison(
                $"Tell me where we are with {subject}",
                $"- {subject}: done\n- next step on day {i + 1}",
                $"Thanks so much for checking in about {subject}. We have made real progress on it over the last weeks, and we expect to take the next step on day {i + 1} if all goes to plan."));
        }

        await engine.RecordAsync(user, signals, cancellationToken: Ct);
        IReadOnlyList<Principle> principles = await engine.ExplainAsync(user, Ct);
        Assert.NotEmpty(principles);
        return principles[0];
    }
}
