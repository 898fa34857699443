using Penchant.Domain;

namespace Penchant.Learning;

/// <summary>A user's preferences during one pass of the learners, with what the pass created, reinforced and superseded.</summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class WorkingPreferences
{
    private readonly List<Preference> _all;
    private readonly Dictionary<string, Preference> _changed = new(StringComparer.Ordinal);
    private readonly List<string> _created = [];
    private readonly List<string> _reinforced = [];
    private readonly List<string> _superseded = [];

    internal WorkingPreferences(IEnumerable<Preference> start) => _all = [.. start];

    /// <summary>Gets every preference, current and superseded, oldest first.</summary>
    public IReadOnlyList<Preference> All => _all;

    /// <summary>Gets the preferences changed or created in this pass, by identifier.</summary>
    internal IReadOnlyDictionary<string, Preference> Changed => _changed;

    /// <summary>Gets the current preferences (not superseded), oldest first.</summary>
    /// <returns>A new list.</returns>
    public List<Preference> Current() => _all.FindAll(static p => p.IsCurrent);

    /// <summary>Finds a preference by identifier.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The preference, or <see langword="null"/>.</returns>
    public Preference? Find(string id) => _all.Find(p => string.Equals(p.Id, id, StringComparison.Ordinal));

    /// <summary>Adds a new preference.</summary>
    /// <param name="created">The preference; its identifier must be new.</param>
    /// <exception cref="ArgumentException">A preference with that identifier exists.</exception>
    public void Add(Preference created)
    {
        ArgumentNullException.ThrowIfNull(created);
        if (Find(created.Id) is not null)
        {
            throw new ArgumentException($"The user already has a preference '{created.Id}'.", nameof(created));
        }

        _all.Add(created);
        _changed[created.Id] = created;
        _created.Add(created.Id);
    }

    /// <summary>Replaces a preference by its identifier (for example to move its acceptance counts).</summary>
    /// <param name="updated">The new version.</param>
    /// <exception cref="ArgumentException">No preference has that identifier.</exception>
    public void Update(Preference updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        int index = _all.FindIndex(p => string.Equals(p.Id, updated.Id, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new ArgumentException($"The user has no preference '{updated.Id}'.", nameof(updated));
        }

        _all[index] = updated;
        _changed[updated.Id] = updated;
    }

    /// <summary>Replaces a preference that a new signal said again.</summary>
    /// <param name="reinforced">The new version.</param>
    public void Reinforce(Preference reinforced)
    {
        Update(reinforced);
        _reinforced.Add(reinforced.Id);
    }

    /// <summary>Replaces a preference that a newer one revises (its <see cref="Preference.SupersededBy"/> set).</summary>
    /// <param name="retired">The retired version.</param>
    public void Supersede(Preference retired)
    {
        Update(retired);
        _superseded.Add(retired.Id);
    }

    /// <summary>Gets the final versions of the preferences created, reinforced and superseded in this pass.</summary>
    internal (IReadOnlyList<Preference> Created, IReadOnlyList<Preference> Reinforced, IReadOnlyList<Preference> Superseded) Outcome()
        => (Final(_created), Final(_reinforced), Final(_superseded));

    internal (int Created, int Reinforced, int Superseded) Counts() => (_created.Count, _reinforced.Count, _superseded.Count);

    private List<Preference> Final(List<string> ids) => [.. ids.Distinct().Where(_changed.ContainsKey).Select(id => _changed[id])];
}
