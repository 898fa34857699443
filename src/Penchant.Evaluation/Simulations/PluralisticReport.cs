namespace Penchant.Evaluation.Simulations;

/// <summary>The simulation's result.</summary>
public sealed record PluralisticReport(
    IReadOnlyList<int> Budgets,
    IReadOnlyList<PluralisticRow> Rows,
    IReadOnlyList<(string Taste, double Global, double Mixture, double Oracle)> PerTaste,
    int Pairs)
{
    /// <summary>Gets a model's accuracy on new users after 10 comparisons each (after the largest budget if 10 is not one).</summary>
    public double NewUsersAt10(string model)
    {
        int at = Budgets.ToList().IndexOf(10);
        return Rows.First(r => r.Model == model).NewUsers[at >= 0 ? at : Budgets.Count - 1];
    }
}
