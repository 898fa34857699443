namespace Penchant.Evaluation.Simulations;

public sealed class BanditSimulationTests
{
    [Fact]
    public async Task RunAsync_SmallEnvironment_EveryPolicyBeatsUniformRandom()
    {
        var settings = new BanditSettings { Rounds = 2_000, Actions = 6, Users = 10, Seed = 3 };

        BanditReport report = await BanditSimulation.RunAsync(settings, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, report.Policies.Count);
        Assert.True(report.UniformRegret > report.BestFixedRegret);
        Assert.All(report.Policies, p => Assert.True(p.Regret < report.UniformRegret, $"{p.Policy}: {p.Regret} vs uniform {report.UniformRegret}"));
    }

    [Fact]
    public async Task RunAsync_SameSeed_SameRegrets()
    {
        var settings = new BanditSettings { Rounds = 300, Actions = 4, Users = 5, Seed = 9 };

        BanditReport first = await BanditSimulation.RunAsync(settings, cancellationToken: TestContext.Current.CancellationToken);
        BanditReport second = await BanditSimulation.RunAsync(settings, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(first.Policies, second.Policies);
    }
}
