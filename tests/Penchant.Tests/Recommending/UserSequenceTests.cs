namespace Penchant.Recommending;

public sealed class UserSequenceTests
{
    [Fact]
    public void Append_BeyondMaxLength_DropsTheOldest()
    {
        // Arrange
        UserSequence sequence = UserSequence.Empty();

        // Act
        for (ulong key = 1; key <= UserSequence.MaxLength + 2; key++)
        {
            sequence.Append(key);
        }

        // Assert
        Assert.Equal(UserSequence.MaxLength, sequence.Keys.Count);
        Assert.Equal(3ul, sequence.Keys[0]);
        Assert.Equal((ulong)UserSequence.MaxLength + 2, sequence.Keys[^1]);
    }

    [Fact]
    public void ToBytes_RoundTrip_KeepsTheOrder()
    {
        UserSequence sequence = UserSequence.Empty();
        sequence.Append(ItemKey.Of("b"));
        sequence.Append(ItemKey.Of("a"));

        UserSequence read = UserSequence.FromBytes(sequence.ToBytes());

        Assert.Equal([ItemKey.Of("b"), ItemKey.Of("a")], read.Keys);
    }

    [Fact]
    public void FromBytes_WrongLength_ThrowsFormatException()
    {
        UserSequence sequence = UserSequence.Empty();
        sequence.Append(7);

        Assert.Throws<FormatException>(() => UserSequence.FromBytes(sequence.ToBytes().AsSpan(0, 12)));
    }

    [Fact]
    public void ItemKey_TrimmedIdentifiersShareAKey_OthersDoNot()
    {
        Assert.Equal(ItemKey.Of("sku-1"), ItemKey.Of("  sku-1 "));
        Assert.NotEqual(ItemKey.Of("sku-1"), ItemKey.Of("SKU-1"));
        Assert.NotEqual(ItemKey.Of("sku-1"), ItemKey.Of("sku-2"));
    }
}
