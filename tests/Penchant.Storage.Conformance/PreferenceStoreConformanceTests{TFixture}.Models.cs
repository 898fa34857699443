using Penchant.Domain;
using static Penchant.Storage.Conformance.StoreTestData;

namespace Penchant.Storage.Conformance;

/// <content>Learned model parameters: tenant models and per-user parts, with optimistic versions.</content>
public abstract partial class PreferenceStoreConformanceTests<TFixture>
{
    /// <summary>A model nobody saved reads as null, for the tenant and for a user.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task GetModelAsync_NeverSaved_ReturnsNull()
    {
        Assert.Null(await Store.GetModelAsync("acme", "ranking", Ct));
        Assert.Null(await Store.GetUserModelAsync(Alice, "ranking", Ct));
    }

    /// <summary>Saving returns increasing versions and the payload reads back byte for byte.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task SaveModelAsync_TwoSaves_RoundTripsLatestWithVersion()
    {
        byte[] first = [1, 2, 3, 0, 255];
        byte[] second = [.. Enumerable.Range(0, 5000).Select(static i => (byte)(i * 7))];

        long v1 = await Store.SaveModelAsync("acme", "ranking", first, 0, Ct);
        long v2 = await Store.SaveModelAsync("acme", "ranking", second, v1, Ct);
        StoredModel? read = await Store.GetModelAsync("acme", "ranking", Ct);

        Assert.Equal(1, v1);
        Assert.Equal(2, v2);
        Assert.NotNull(read);
        Assert.Equal("ranking", read.Name);
        Assert.Equal(2, read.Version);
        Assert.Equal(second, read.Payload.ToArray());
    }

    /// <summary>A save computed from a stale version is rejected and changes nothing.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task SaveModelAsync_StaleVersion_ThrowsConcurrencyExceptionAndKeepsModel()
    {
        await Store.SaveModelAsync("acme", "ranking", new byte[] { 1 }, 0, Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.SaveModelAsync("acme", "ranking", new byte[] { 2 }, 0, Ct));
        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.SaveUserModelAsync(Alice, "mixture", new byte[] { 2 }, 3, Ct));

        StoredModel? read = await Store.GetModelAsync("acme", "ranking", Ct);
        Assert.Equal(1, read!.Version);
        Assert.Equal(new byte[] { 1 }, read.Payload.ToArray());
        Assert.Null(await Store.GetUserModelAsync(Alice, "mixture", Ct));
    }

    /// <summary>Tenant models, other tenants' models and users' parts never mix, even under the same name.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task SaveModelAsync_TenantsUsersAndNames_AreIsolated()
    {
        await Store.SaveModelAsync("acme", "ranking", new byte[] { 1 }, 0, Ct);
        await Store.SaveModelAsync("globex", "ranking", new byte[] { 2 }, 0, Ct);
        await Store.SaveUserModelAsync(Alice, "ranking", new byte[] { 3 }, 0, Ct);
        await Store.SaveUserModelAsync(Bob, "ranking", new byte[] { 4 }, 0, Ct);
        await Store.SaveUserModelAsync(UserKey.Create("globex", "alice"), "ranking", new byte[] { 5 }, 0, Ct);

        Assert.Equal(new byte[] { 1 }, (await Store.GetModelAsync("acme", "ranking", Ct))!.Payload.ToArray());
        Assert.Equal(new byte[] { 2 }, (await Store.GetModelAsync("globex", "ranking", Ct))!.Payload.ToArray());
        Assert.Equal(new byte[] { 3 }, (await Store.GetUserModelAsync(Alice, "ranking", Ct))!.Payload.ToArray());
        Assert.Equal(new byte[] { 4 }, (await Store.GetUserModelAsync(Bob, "ranking", Ct))!.Payload.ToArray());
        Assert.Equal(new byte[] { 5 }, (await Store.GetUserModelAsync(UserKey.Create("globex", "alice"), "ranking", Ct))!.Payload.ToArray());
        Assert.Null(await Store.GetModelAsync("acme", "other", Ct));
    }

    /// <summary>Deleting a user removes their model parts and nobody else's; the tenant model stays.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task DeleteUserAsync_UserWithModel_RemovesOnlyTheirParts()
    {
        await Store.CommitAsync(Alice, new UserChange { Append = [Event("e1")] }, Ct);
        await Store.SaveModelAsync("acme", "ranking", new byte[] { 1 }, 0, Ct);
        await Store.SaveUserModelAsync(Alice, "mixture", new byte[] { 2 }, 0, Ct);
        await Store.SaveUserModelAsync(Bob, "mixture", new byte[] { 3 }, 0, Ct);

        Assert.True(await Store.DeleteUserAsync(Alice, Ct));

        Assert.Null(await Store.GetUserModelAsync(Alice, "mixture", Ct));
        Assert.NotNull(await Store.GetUserModelAsync(Bob, "mixture", Ct));
        Assert.NotNull(await Store.GetModelAsync("acme", "ranking", Ct));

        // A user whose only row is a model part still existed.
        Assert.True(await Store.DeleteUserAsync(Bob, Ct));
        Assert.Null(await Store.GetUserModelAsync(Bob, "mixture", Ct));
    }

    /// <summary>Empty names and tenants are rejected with the parameter's name.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task SaveModelAsync_EmptyName_ThrowsArgumentException()
    {
        var empty = await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SaveModelAsync("acme", " ", new byte[] { 1 }, 0, Ct));
        var tenant = await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.GetModelAsync("", "ranking", Ct));
        var negative = await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SaveUserModelAsync(Alice, "m", new byte[] { 1 }, -1, Ct));

        Assert.Equal("name", empty.ParamName);
        Assert.Equal("tenantId", tenant.ParamName);
        Assert.Equal("expectedVersion", negative.ParamName);
    }
}
