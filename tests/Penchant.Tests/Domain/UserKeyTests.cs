namespace Penchant.Domain;

public sealed class UserKeyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u0001b")]
    public void Create_InvalidUserId_ThrowsWithParameterName(string userId)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => UserKey.Create("t", userId));
        Assert.Equal("userId", ex.ParamName);
    }

    [Fact]
    public void Create_TooLongTenant_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => UserKey.Create(new string('x', UserKey.MaxIdLength + 1), "u"));
        Assert.Equal("tenantId", ex.ParamName);
    }

    [Fact]
    public void Create_Valid_KeepsIds()
    {
        var key = UserKey.Create("acme", "alice");
        Assert.Equal("acme/alice", key.ToString());
    }
}
