namespace Penchant.Evaluation.Simulations;

/// <summary>The settings of the pluralistic simulation.</summary>
public sealed record PluralisticSettings
{
    /// <summary>Gets the simulated users of each taste, seen and new alike.</summary>
    /// <value>The default value is 8.</value>
    public int UsersPerTaste { get; init; } = 8;

    /// <summary>Gets the training comparisons of each seen user.</summary>
    /// <value>The default value is 40.</value>
    public int TrainComparisons { get; init; } = 40;

    /// <summary>Gets the test comparisons of each user.</summary>
    /// <value>The default value is 60.</value>
    public int TestComparisons { get; init; } = 60;

    /// <summary>Gets the prototypes of the mixture model.</summary>
    /// <value>The default value is 8.</value>
    public int Prototypes { get; init; } = 8;

    /// <summary>Gets how sharply a simulated user's choices follow their utility gap (the Bradley–Terry scale).</summary>
    /// <value>The default value is 3.</value>
    public double Sharpness { get; init; } = 3.0;

    /// <summary>Gets the random seed.</summary>
    /// <value>The default value is 17.</value>
    public int Seed { get; init; } = 17;

    /// <summary>Gets the numbers of comparisons a new user has made, at which new-user accuracy is reported.</summary>
    /// <value>The default value is 0, 1, 2, 5, 10, 20.</value>
    public IReadOnlyList<int> Budgets { get; init; } = [0, 1, 2, 5, 10, 20];
}
