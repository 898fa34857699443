using System.Globalization;

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

    /// <summary>Writes the table: each model's accuracy on the comparisons it was fitted on, and on new users after k comparisons.</summary>
    /// <param name="output">Where to write.</param>
    public void WriteTable(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"model",-12} {"seen",6}  new users after k comparisons: {string.Join(" ", Budgets.Select(static b => $"k={b,-3}"))}"));
        foreach (PluralisticRow row in Rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Model,-12} {row.Seen,6:0.000}  {new string(' ', 30)} {string.Join(" ", row.NewUsers.Select(static a => a.ToString("0.000", CultureInfo.InvariantCulture)))}"));
        }
    }
}
