namespace Penchant.Recommending;

public sealed class NextItemTrainerTests
{
    private static readonly NextItemOptions OneStep = new()
    {
        Window = 1,
        StepDecay = 1,
        BackwardWeight = 0.5,
        Alpha = 0.5,
        Shrinkage = 0,
        Neighbors = 10,
        HistoryDecay = 0.5,
        HistoryLength = 10,
        HopWeight = 0,
        HopSeeds = 0,
    };

    [Fact]
    public void Train_OnePair_LinksForwardFullyAndBackwardByItsWeight()
    {
        // Arrange: item 0 then item 1, once each: the cosine of counts 1 and 1 is 1.
        int[][] sequences = [[0, 1]];

        // Act
        NextItemModel model = Train(sequences, 2, OneStep);

        // Assert
        (ReadOnlyMemory<int> items, ReadOnlyMemory<float> weights) = model.Row(0);
        Assert.Equal([1], items.ToArray());
        Assert.Equal(1f, weights.Span[0], 6);
        (items, weights) = model.Row(1);
        Assert.Equal([0], items.ToArray());
        Assert.Equal(0.5f, weights.Span[0], 6);
    }

    [Fact]
    public void Train_CountsAndShrinkage_NormaliseByTheAsymmetricCosine()
    {
        // Arrange: 0 → 1 twice, 0 → 2 once; item 0 seen 3 times, item 1 twice, item 2 once.
        int[][] sequences = [[0, 1], [0, 1], [0, 2]];
        NextItemOptions options = OneStep with { BackwardWeight = 0, Alpha = 0.25, Shrinkage = 1 };

        // Act
        NextItemModel model = Train(sequences, 3, options);

        // Assert: w(0 → j) = c / ((n0 + 1)^0.25 · (nj + 1)^0.75).
        (ReadOnlyMemory<int> items, ReadOnlyMemory<float> weights) = model.Row(0);
        Assert.Equal([1, 2], items.ToArray());
        Assert.Equal(2 / (Math.Pow(4, 0.25) * Math.Pow(3, 0.75)), weights.Span[0], 5);
        Assert.Equal(1 / (Math.Pow(4, 0.25) * Math.Pow(2, 0.75)), weights.Span[1], 5);
    }

    [Fact]
    public void Train_Window_DecaysWithTheStepsBetweenChoices()
    {
        // Arrange
        int[][] sequences = [[0, 1, 2]];
        NextItemOptions options = OneStep with { Window = 2, StepDecay = 0.25, BackwardWeight = 0 };

        // Act
        NextItemModel model = Train(sequences, 3, options);

        // Assert: the next choice counts 1, the one after it 0.25.
        (ReadOnlyMemory<int> items, ReadOnlyMemory<float> weights) = model.Row(0);
        Assert.Equal([1, 2], items.ToArray());
        Assert.Equal(1f, weights.Span[0], 6);
        Assert.Equal(0.25f, weights.Span[1], 6);
    }

    [Fact]
    public void Train_Neighbors_KeepsOnlyTheStrongestLinks()
    {
        // Arrange
        int[][] sequences = [[0, 1], [0, 1], [0, 2], [0, 3], [0, 3], [0, 3]];

        // Act
        NextItemModel model = Train(sequences, 4, OneStep with { Neighbors = 1, Shrinkage = 0, Alpha = 1 });

        // Assert
        Assert.Equal([3], model.Row(0).Items.ToArray());
    }

    [Fact]
    public void Score_LatestChoice_CountsMoreThanAnEarlierOne()
    {
        // Arrange: 0 is followed by 1, 2 by 3.
        int[][] sequences = [[0, 1], [2, 3]];
        NextItemModel model = Train(sequences, 4, OneStep with { BackwardWeight = 0 });
        float[] scores = new float[4];

        // Act
        model.Score([0, 2], scores);

        // Assert
        Assert.True(scores[3] > scores[1]);
        Assert.Equal(0.5f * scores[3], scores[1], 4);
    }

    [Fact]
    public void Score_TwoSteps_ReachesAnItemNoChoiceLinksToDirectly()
    {
        // Arrange: 0 → 1 in one user's choices, 1 → 2 in another's.
        int[][] sequences = [[0, 1], [1, 2], [3, 4]];
        float[] oneStep = new float[5];
        float[] twoSteps = new float[5];

        // Act
        Train(sequences, 5, OneStep with { BackwardWeight = 0 }).Score([0], oneStep);
        Train(sequences, 5, OneStep with { BackwardWeight = 0, HopWeight = 1, HopSeeds = 5 }).Score([0], twoSteps);

        // Assert: without the second step, 2 and the unrelated 4 differ only by the tiny count prior.
        Assert.True(oneStep[2] < 1e-5f);
        Assert.True(twoSteps[2] > 0.1f);
        Assert.True(twoSteps[1] > twoSteps[2]);
        Assert.True(twoSteps[2] > twoSteps[4]);
    }

    [Fact]
    public void Score_NoLinks_OrdersByHowOftenItemsWereChosen()
    {
        // Arrange
        int[][] sequences = [[1], [1], [2]];
        NextItemModel model = Train(sequences, 3, OneStep);
        float[] scores = new float[3];

        // Act
        model.Score([], scores);

        // Assert
        Assert.True(scores[1] > scores[2]);
        Assert.True(scores[2] > scores[0]);
    }

    [Fact]
    public void ToBytes_RoundTrip_ScoresTheSame()
    {
        // Arrange
        int[][] sequences = [[0, 1, 2, 3], [2, 1, 4], [4, 0]];
        NextItemModel model = Train(sequences, 5, new NextItemOptions());
        float[] before = new float[5];
        float[] after = new float[5];

        // Act
        NextItemModel read = NextItemModel.FromBytes(model.ToBytes());
        model.Score([2, 1], before);
        read.Score([2, 1], after);

        // Assert
        Assert.Equal(before, after);
        Assert.Equal(model.LinkCount, read.LinkCount);
    }

    [Fact]
    public void FromBytes_Truncated_ThrowsFormatException()
    {
        byte[] bytes = Train([[0, 1]], 2, OneStep).ToBytes();

        Assert.Throws<FormatException>(() => NextItemModel.FromBytes(bytes.AsSpan(0, bytes.Length - 1)));
    }

    [Fact]
    public void Validate_OutOfRangeSetting_ThrowsNamingIt()
    {
        Assert.Equal("StepDecay", Assert.Throws<ArgumentOutOfRangeException>(() => (OneStep with { StepDecay = 0 }).Validate()).ParamName);
        Assert.Equal("Alpha", Assert.Throws<ArgumentOutOfRangeException>(() => (OneStep with { Alpha = 1.5 }).Validate()).ParamName);
        Assert.Equal("HopSeeds", Assert.Throws<ArgumentOutOfRangeException>(() => (OneStep with { HopSeeds = -1 }).Validate()).ParamName);
        OneStep.Validate();
    }

    [Fact]
    public void Train_ItemOutsideTheCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Train([[0, 5]], 2, OneStep));
    }

    private static NextItemModel Train(int[][] sequences, int itemCount, NextItemOptions options)
        => NextItemTrainer.Train(sequences, itemCount, options, TestContext.Current.CancellationToken);
}
