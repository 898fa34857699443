using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Penchant.Server.Contracts;
using Penchant.Signals;

namespace Penchant.Server;

/// <summary>The ranking endpoints: comparisons, ratings, choices, rank, reactions and train.</summary>
public sealed class RankingApiTests(PenchantServerFactory factory) : IClassFixture<PenchantServerFactory>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rank_AfterRememberingGlutenAvoidance_PutsTheGlutenFreeTrattoriaFirst()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("ranking", Cancellation);
        string user = "rank-" + Guid.NewGuid().ToString("N");
        HttpResponseMessage remembered = await client.PostAsJsonAsync($"/v1/users/{user}/statements", new RememberRequest("I strictly avoid gluten"), Cancellation);
        Assert.Equal(HttpStatusCode.OK, remembered.StatusCode);
        string eventsBefore = await client.GetStringAsync($"/v1/users/{user}/events", Cancellation);

        // Act
        HttpResponseMessage response = await client.PostAsJsonAsync(
            $"/v1/users/{user}/rank",
            new RankRequest("Restaurants in Rome?", ["a pasta bar famous for fresh bread", "a gluten-free trattoria"]),
            Cancellation);

        // Assert: the trattoria first, probabilities summing to 1, a factor naming the preference; nothing written
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        RankingResponse ranking = (await response.Content.ReadFromJsonAsync(PenchantJsonContext.Default.RankingResponse, Cancellation))!;
        Assert.Equal(2, ranking.Candidates.Count);
        Assert.Equal("a gluten-free trattoria", ranking.Candidates[0].Text);
        Assert.Equal(1, ranking.Candidates[0].Index);
        Assert.Equal(1.0, ranking.Candidates.Sum(static c => c.Probability), 3);
        Assert.Contains(ranking.Candidates[0].Factors, static f => f.PreferenceId is not null && f.Contribution > 0);
        Assert.Equal(0, ranking.ModelVersion);
        Assert.Equal(eventsBefore, await client.GetStringAsync($"/v1/users/{user}/events", Cancellation));
    }

    [Fact]
    public async Task CompareRateChoose_Return200_AndAppearInTheExportWithTheirKind()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("ranking", Cancellation);
        string user = "signals-" + Guid.NewGuid().ToString("N");

        // Act
        HttpResponseMessage compared = await client.PostAsJsonAsync(
            $"/v1/users/{user}/comparisons",
            new CompareRequest("Does option 1 work?", "Yes, it works.", "Yes, option 1 works well in most situations, because it balances cost and effort.", ComparisonMagnitude.Much),
            Cancellation);
        HttpResponseMessage rated = await client.PostAsJsonAsync(
            $"/v1/users/{user}/ratings", new RateRequest("Explain DNS.", "DNS maps names to addresses.", 4, Attribute: "helpfulness"), Cancellation);
        HttpResponseMessage chosen = await client.PostAsJsonAsync(
            $"/v1/users/{user}/choices", new ChooseRequest("Pick a reply", ["A short reply.", "A much longer reply that goes on and on."], 0), Cancellation);

        // Assert: each write answers the one event it appended, and the export lists them in order with the right kind
        Assert.Equal(HttpStatusCode.OK, compared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        PreferenceEvent comparison = Assert.Single((await compared.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!.Events);
        PreferenceEvent rating = Assert.Single((await rated.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!.Events);
        PreferenceEvent choice = Assert.Single((await chosen.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!.Events);
        Assert.Equal(EventKind.Comparison, comparison.Kind);
        Assert.Equal(EventKind.Rating, rating.Kind);
        Assert.Equal(EventKind.Choice, choice.Kind);
        IReadOnlyList<PreferenceEvent> exported = (await client.GetFromJsonAsync($"/v1/users/{user}/events", PenchantJsonContext.Default.IReadOnlyListPreferenceEvent, Cancellation))!;
        Assert.Equal([comparison.Id, rating.Id, choice.Id], exported.Select(static e => e.Id));
        Assert.Equal([EventKind.Comparison, EventKind.Rating, EventKind.Choice], exported.Select(static e => e.Kind));
        using JsonDocument raw = JsonDocument.Parse(await client.GetStringAsync($"/v1/users/{user}/events", Cancellation));
        Assert.Equal(["comparison", "rating", "choice"], raw.RootElement.EnumerateArray().Select(static e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task React_DissatisfiedTurn_ReturnsItsLabel_AndRecordsAReactionEvent()
    {
        // Arrange
        HttpClient client = await factory.CreateTenantClientAsync("ranking", Cancellation);
        string user = "react-" + Guid.NewGuid().ToString("N");
        HttpResponseMessage remembered = await client.PostAsJsonAsync($"/v1/users/{user}/statements", new RememberRequest("Always answer me in short bullet points."), Cancellation);
        string applied = Assert.Single((await remembered.Content.ReadFromJsonAsync(PenchantJsonContext.Default.WriteResponse, Cancellation))!.Created).Id;

        // Act
        HttpResponseMessage response = await client.PostAsJsonAsync(
            $"/v1/users/{user}/reactions",
            new ReactRequest("Way too long. Keep it under 100 words.", "Explain DNS.", "DNS is ...", [applied]),
            Cancellation);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument raw = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal("dissatisfied", raw.RootElement.GetProperty("label").GetString());
        ReactionResponse reaction = (await response.Content.ReadFromJsonAsync(PenchantJsonContext.Default.ReactionResponse, Cancellation))!;
        Assert.Equal(ReactionLabel.Dissatisfied, reaction.Label);
        Assert.False(string.IsNullOrEmpty(reaction.Reason));
        Assert.Equal(EventKind.Reaction, Assert.Single(reaction.Write.Events).Kind);
        IReadOnlyList<PreferenceEvent> exported = (await client.GetFromJsonAsync($"/v1/users/{user}/events", PenchantJsonContext.Default.IReadOnlyListPreferenceEvent, Cancellation))!;
        Assert.Equal(EventKind.Reaction, exported[^1].Kind);
    }

    [Fact]
    public async Task Train_WithComparisons_JobReportsTheFit_AndRankUsesTheNewModel()
    {
        // Arrange: one tenant's users compare short and long answers
        HttpClient client = await factory.CreateTenantClientAsync("train-" + Guid.NewGuid().ToString("N")[..8], Cancellation);
        await CompareShortOverLongAsync(client, "alice", 8);

        // Act: training runs as a job; the body is optional; a seed makes it deterministic
        TrainingJobResponse job = await TrainingApiTests.TrainAndWaitAsync(client, new TrainRequest(Prototypes: 2, Seed: 3), Cancellation);
        TrainingJobResponse noBody = await TrainingApiTests.TrainAndWaitAsync(client, null, Cancellation);

        // Assert
        Assert.Equal(TrainingJobStatus.Succeeded, job.Status);
        TrainingResponse report = job.Report!;
        Assert.Equal(1, report.Users);
        Assert.Equal(8, report.Comparisons);
        Assert.Equal(1, report.ModelVersion);
        Assert.InRange(report.TrainingAccuracy, 0.0, 1.0);
        Assert.Equal(TrainingJobStatus.Succeeded, noBody.Status);
        Assert.Equal(2, noBody.Report!.ModelVersion);
        HttpResponseMessage ranked = await client.PostAsJsonAsync("/v1/users/alice/rank", new RankRequest("Does that work?", ["Sure, that works.", "Sure, that works in most situations, because it balances cost and effort."]), Cancellation);
        Assert.Equal(2, (await ranked.Content.ReadFromJsonAsync(PenchantJsonContext.Default.RankingResponse, Cancellation))!.ModelVersion);
    }

    [Fact]
    public async Task Train_InvalidOptions_Returns400WithErrorCode()
    {
        HttpClient client = await factory.CreateTenantClientAsync("ranking", Cancellation);

        HttpResponseMessage response = await client.PostAsJsonAsync("/v1/train", new TrainRequest(Epochs: 0), Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        Assert.Equal(ApiProblems.InvalidArgument, problem.RootElement.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task RankAndTrain_OtherTenantsKey_NeitherSeesNorChangesTheTenantsUsersOrModel()
    {
        // Arrange: tenant A's alice avoids gluten and has compared answers; A has trained once
        HttpClient a = await factory.CreateTenantClientAsync("rank-tenant-a", Cancellation);
        HttpClient b = await factory.CreateTenantClientAsync("rank-tenant-b", Cancellation);
        await a.PostAsJsonAsync("/v1/users/alice/statements", new RememberRequest("I strictly avoid gluten"), Cancellation);
        await CompareShortOverLongAsync(a, "alice", 4);
        TrainingResponse trainedA = (await TrainingApiTests.TrainAndWaitAsync(a, null, Cancellation)).Report!;
        string eventsBefore = await a.GetStringAsync("/v1/users/alice/events", Cancellation);
        string historyBefore = await a.GetStringAsync("/v1/users/alice/history", Cancellation);
        var rankRequest = new RankRequest("Restaurants in Rome?", ["a pasta bar famous for fresh bread", "a gluten-free trattoria"]);
        string rankedByA = await (await a.PostAsJsonAsync("/v1/users/alice/rank", rankRequest, Cancellation)).Content.ReadAsStringAsync(Cancellation);

        // Act: B ranks for "alice" and trains (its own tenant, whatever it guesses)
        HttpResponseMessage rankedByB = await b.PostAsJsonAsync("/v1/users/alice/rank", rankRequest, Cancellation);
        TrainingJobResponse trainedB = await TrainingApiTests.TrainAndWaitAsync(b, new TrainRequest(Seed: 9), Cancellation);

        // Assert: B's alice has no preferences and B has no model; B's training found none of A's signals
        Assert.Equal(HttpStatusCode.OK, rankedByB.StatusCode);
        RankingResponse rankingB = (await rankedByB.Content.ReadFromJsonAsync(PenchantJsonContext.Default.RankingResponse, Cancellation))!;
        Assert.Equal(0, rankingB.ModelVersion);
        Assert.Equal(0, rankingB.Comparisons);
        Assert.All(rankingB.Candidates, static c => Assert.DoesNotContain(c.Factors, static f => f.PreferenceId is not null));
        Assert.Equal(TrainingJobStatus.Succeeded, trainedB.Status);
        TrainingResponse reportB = trainedB.Report!;
        Assert.Equal(0, reportB.Users);
        Assert.Equal(0, reportB.Comparisons);

        // Assert: A's log, history, model version and ranking are exactly as before
        Assert.Equal(1, trainedA.Users);
        Assert.Equal(eventsBefore, await a.GetStringAsync("/v1/users/alice/events", Cancellation));
        Assert.Equal(historyBefore, await a.GetStringAsync("/v1/users/alice/history", Cancellation));
        Assert.Equal(rankedByA, await (await a.PostAsJsonAsync("/v1/users/alice/rank", rankRequest, Cancellation)).Content.ReadAsStringAsync(Cancellation));
    }

    private static async Task CompareShortOverLongAsync(HttpClient client, string user, int count)
    {
        for (int i = 0; i < count; i++)
        {
            HttpResponseMessage response = await client.PostAsJsonAsync(
                $"/v1/users/{user}/comparisons",
                new CompareRequest($"Does option {i} work?", $"Yes, {i} works.", $"Yes, option {i} works well in most situations, because it balances cost, effort and reliability, and it is easy to undo later."),
                Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
