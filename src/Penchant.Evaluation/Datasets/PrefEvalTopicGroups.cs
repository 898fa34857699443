namespace Penchant.Evaluation.Datasets;

/// <summary>
/// Groups of PrefEval topics whose preferences may plausibly apply to one another's questions (a diet preference to a
/// restaurant question, a fitness preference to a clothing question). <c>eval prefeval-multi</c> draws a user's other
/// preferences only from topics that share no group with the question's topic. All 20 PrefEval topics are listed, also the
/// ten not in <c>../shared/data</c>; a topic named nowhere is related to itself only.
/// </summary>
public static class PrefEvalTopicGroups
{
    /// <summary>The groups; a topic may be in several.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Groups =
    [
        ["lifestyle_dietary", "lifestyle_health", "lifestyle_fit", "travel_restaurant", "entertain_sports"],
        ["travel_transportation", "travel_hotel", "travel_activities", "travel_restaurant", "pet_ownership"],
        ["lifestyle_beauty", "shop_fashion", "lifestyle_fit"],
        ["entertain_games", "entertain_shows", "entertain_music_book", "entertain_sports", "shop_technology"],
        ["shop_home", "shop_technology", "shop_motors", "pet_ownership"],
        ["shop_motors", "travel_transportation"],
        ["education_learning_styles", "education_resources", "professional_work_location_style", "entertain_music_book", "shop_technology"],
        ["travel_activities", "lifestyle_fit", "entertain_sports"],
    ];

    /// <summary>Gets a value indicating whether preferences of one topic may apply to questions of the other.</summary>
    /// <param name="a">A topic.</param>
    /// <param name="b">Another topic.</param>
    /// <returns><see langword="true"/> when they are the same topic or share a group.</returns>
    public static bool AreRelated(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || Groups.Any(g => g.Contains(a, StringComparer.Ordinal) && g.Contains(b, StringComparer.Ordinal));
}
