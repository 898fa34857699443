namespace Penchant.Learning.Statements;

public sealed class ObjectKeyTests
{
    [Theory]
    [InlineData("When I book a flight I want the aisle seat.", "Put me by the gangway when I fly.")]
    [InlineData("Use TS for front-end examples.", "Write my front-end code in TypeScript.")]
    [InlineData("No meetings for me on Fridays.", "Keep my Friday free of meetings.")]
    [InlineData("I buy from local stores.", "Support the local store in my street.")]
    public void CompareTo_SynonymsAbbreviationsAndPlurals_ShareTheObject(string a, string b)
    {
        ObjectKey.Agreement agreement = ObjectKey.Of(a).CompareTo(ObjectKey.Of(b));

        Assert.True(agreement.SharedObject, $"{ObjectKey.Of(a)} vs {ObjectKey.Of(b)}");
        Assert.False(agreement.Clash);
        Assert.False(agreement.SoftClash);
    }

    [Theory]
    [InlineData("I have a peanut allergy.", "I'm allergic to dogs.")]
    [InlineData("I have a peanut allergy.", "I have a penicillin allergy.")]
    [InlineData("Meetings suit me best before noon.", "No meetings for me on Fridays.")]
    [InlineData("I prefer hotels that have a gym.", "I prefer hotels that have a pool.")]
    public void CompareTo_DifferentObjectsOrConditions_Clash(string a, string b)
    {
        ObjectKey.Agreement agreement = ObjectKey.Of(a).CompareTo(ObjectKey.Of(b));

        Assert.True(agreement.Clash, $"{ObjectKey.Of(a)} vs {ObjectKey.Of(b)}");
        Assert.False(agreement.SharedObject);
    }

    [Theory]
    [InlineData("I prefer ramen when I eat out with friends.", "I'm a big fan of Moroccan tagines when I eat out with friends.")]
    [InlineData("If my kids come along, I pick beach resorts.", "I go for mountain huts if my kids come along.")]
    public void CompareTo_TheSameSituationForDifferentThings_SharesNoObject(string a, string b)
    {
        ObjectKey.Agreement agreement = ObjectKey.Of(a).CompareTo(ObjectKey.Of(b));

        Assert.False(agreement.SharedObject, $"{ObjectKey.Of(a)} vs {ObjectKey.Of(b)}");
    }

    [Fact]
    public void CompareTo_AWordOnlyBothConditionsName_IsASharedSituationNotASharedWord()
    {
        ObjectKey.Agreement agreement = ObjectKey.Of("When my in-laws visit, I cook risotto.").CompareTo(ObjectKey.Of("When my in-laws visit, plan a stroll by the river."));
        ObjectKey.Agreement named = ObjectKey.Of("Book a table at Rocco's when I eat out.").CompareTo(ObjectKey.Of("Rocco's is my favourite place."));

        Assert.False(agreement.SharedWord);
        Assert.False(agreement.SharedObject);
        Assert.True(named.SharedWord);
    }

    [Theory]
    [InlineData("My best work happens late at night.", "Remind me of appointments on the evening before.")]
    [InlineData("Mornings are when I'm sharpest.", "I like a cooked breakfast in the morning.")]
    [InlineData("I'm free on Tuesdays.", "Water the plants every Tuesday.")]
    [InlineData("Summer is my favourite season.", "I swim in the sea every summer.")]
    public void CompareTo_OnlyATimeInCommon_SharesNoObject(string a, string b)
    {
        ObjectKey.Agreement agreement = ObjectKey.Of(a).CompareTo(ObjectKey.Of(b));

        Assert.False(agreement.SharedObject, $"{ObjectKey.Of(a)} vs {ObjectKey.Of(b)}");
        Assert.False(agreement.SharedWord);
    }

    [Theory]
    [InlineData("I'm a real night owl.", "My best work happens late at night.")]
    [InlineData("I prefer Monday meetings.", "I prefer afternoon meetings.")]
    [InlineData("Book my holidays in August.", "Book my holidays in winter.")]
    public void CompareTo_DifferentConditionsOrAConditionAgainstAnObject_Clash(string a, string b)
    {
        ObjectKey.Agreement agreement = ObjectKey.Of(a).CompareTo(ObjectKey.Of(b));

        Assert.True(agreement.Clash, $"{ObjectKey.Of(a)} vs {ObjectKey.Of(b)}");
        Assert.False(agreement.SharedObject);
    }

    [Fact]
    public void Of_TimesOfDayWeekdaysMonthsAndSeasons_AreConditions()
    {
        ObjectKey key = ObjectKey.Of("Walks at noon on weekdays in June, and in winter on Sunday evenings.");

        Assert.Equal(["evening", "june", "midday", "sunday", "weekday", "winter"], key.Concepts.Where(static c => c.Condition).Select(static c => c.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("june", key.Residual);
    }

    [Fact]
    public void CompareTo_SameObjectOneAddsACondition_SoftClash()
    {
        ObjectKey.Agreement agreement = ObjectKey.Of("I take my tea strong.").CompareTo(ObjectKey.Of("No tea in the evening."));

        Assert.True(agreement.SharedObject);
        Assert.False(agreement.Clash);
        Assert.True(agreement.SoftClash);
    }

    [Fact]
    public void Of_NamesAndNumbersOutsideTheThesaurus_AreKeptAsWords()
    {
        ObjectKey key = ObjectKey.Of("My cat is called Pixel and I wake up at six.");

        Assert.Contains("pixel", key.Residual);
        Assert.Contains("6", key.Residual);
        Assert.Contains(key.Concepts, static c => c.Id == "cat");
        Assert.DoesNotContain("cat", key.Residual);
    }

    [Theory]
    [InlineData("Use the 24-hour clock.", "No am/pm for me.")]
    [InlineData("I travel carry-on only.", "I never take checked luggage.")]
    [InlineData("I can't stand cilantro.", "Coriander tastes like soap to me, leave it out.")]
    [InlineData("Please keep fresh coriander out of my food.", "I hate cilantro.")]
    [InlineData("Buy from local shops.", "Spend my money at small businesses rather than big chains.")]
    public void CompareTo_SameStanceInOppositeWordings_SameStance(string a, string b)
    {
        ObjectKey.Agreement agreement = ObjectKey.Of(a).CompareTo(ObjectKey.Of(b));

        Assert.True(agreement.SharedObject, $"{ObjectKey.Of(a)} vs {ObjectKey.Of(b)}");
        Assert.True(agreement.SameStance, $"{ObjectKey.Of(a)} vs {ObjectKey.Of(b)}");
        Assert.False(agreement.StanceClash);
    }

    [Theory]
    [InlineData("I love cilantro.", "I can't stand cilantro.")]
    [InlineData("I always take checked luggage.", "I travel carry-on only.")]
    [InlineData("Use the 24-hour clock.", "Give me times with am/pm.")]
    [InlineData("Keep answers short.", "I like long answers.")]
    public void CompareTo_ForAndAgainstTheSameObject_StanceClash(string a, string b)
    {
        ObjectKey.Agreement agreement = ObjectKey.Of(a).CompareTo(ObjectKey.Of(b));

        Assert.True(agreement.StanceClash, $"{ObjectKey.Of(a)} vs {ObjectKey.Of(b)}");
        Assert.False(agreement.SameStance);
    }

    [Theory]
    [InlineData("Never put emojis in mails to my manager.", "emoji", false)]
    [InlineData("Never put emojis in mails to my manager.", "email", true)]
    [InlineData("Reach me by SMS, never by ringing me.", "phone-call", false)]
    [InlineData("Don't show me times in am/pm.", "24h-clock", true)]
    [InlineData("Reach me by SMS, never by ringing me.", "text-message", true)]
    [InlineData("Keep my messages to the boss emoji-free.", "emoji", false)]
    [InlineData("Don't suggest any present that costs more than 50 euros.", "gift", null)]
    [InlineData("I have a peanut allergy.", "peanut", null)]
    public void StanceOn_NegationReachesOnlyItsOwnObject(string text, string concept, bool? stance)
    {
        ObjectKey key = ObjectKey.Of(text);

        Assert.Equal(stance, key.StanceOn(key.Concepts.Single(c => c.Id == concept)));
    }

    [Fact]
    public void CompareTo_AgainstEverythingADietAvoids_IsThatDiet()
    {
        ObjectKey vegetarian = ObjectKey.Of("I'm vegetarian.");

        ObjectKey.Agreement same = ObjectKey.Of("I never eat meat or fish.").CompareTo(vegetarian);
        ObjectKey.Agreement nearMiss = ObjectKey.Of("I don't eat fish.").CompareTo(vegetarian);

        Assert.True(same.SharedObject);
        Assert.False(same.Clash);
        Assert.False(nearMiss.SharedObject);
        Assert.True(nearMiss.Clash);
    }

    [Theory]
    [InlineData("Write times like 14:30.", true)]
    [InlineData("Dinner at 19h15 suits me.", true)]
    [InlineData("Book the 10:30 train.", false)]
    public void Of_ATimePastOnePm_IsThe24HourClock(string text, bool named)
    {
        Assert.Equal(named, ObjectKey.Of(text).Concepts.Any(static c => c.Id == "24h-clock"));
    }

    [Theory]
    [InlineData("No meetings on Fridays, that's my day for focus.", "focus-time")]
    [InlineData("Don't book anything for me on Fridays, I need that day for deep work.", "focus-time")]
    [InlineData("No cheese on my pizza because my partner hates it.", "partner")]
    public void Of_AReasonClause_NamesNoObject(string text, string concept)
    {
        Assert.DoesNotContain(ObjectKey.Of(text).Concepts, c => c.Id == concept);
    }

    [Fact]
    public void Of_AConsequenceOrTheFirstClause_IsNoReason()
    {
        Assert.Contains(ObjectKey.Of("I hate phone calls, that's why I text.").Concepts, static c => c.Id == "text-message");
        Assert.Contains(ObjectKey.Of("Because of my lactose intolerance, oat milk in my coffee.").Concepts, static c => c.Id == "dairy");
    }

    [Fact]
    public void CompareTo_AReasonTheOtherDoesNotGive_IsNoCondition()
    {
        ObjectKey.Agreement agreement = ObjectKey.Of("No meetings on Fridays, that's my day for focus.").CompareTo(ObjectKey.Of("Keep my Fridays free of any calls."));

        Assert.True(agreement.SharedObject);
        Assert.False(agreement.SoftClash);
        Assert.False(agreement.Clash);
    }

    [Theory]
    [InlineData("Chilli is not my friend.", "spicy")]
    [InlineData("Spicy food and I don't get along.", "spicy")]
    [InlineData("Garlic doesn't agree with me.", "garlic")]
    [InlineData("Please steer clear of dairy.", "dairy")]
    [InlineData("Keep the heat low.", "spicy")]
    public void StanceOn_IdiomsOfDislike_AreAgainst(string text, string concept)
    {
        ObjectKey key = ObjectKey.Of(text);

        Assert.False(key.StanceOn(key.Concepts.Single(c => c.Id == concept)), key.ToString());
        Assert.DoesNotContain(key.Concepts, static c => c.Id == "friend");
    }

    [Fact]
    public void CompareTo_AnIdiomOfDislikeAndADislike_SameStance()
    {
        ObjectKey.Agreement agreement = ObjectKey.Of("I don't like spicy dishes.").CompareTo(ObjectKey.Of("Keep the heat down, chilli is not my friend."));

        Assert.True(agreement.SharedObject);
        Assert.True(agreement.SameStance);
        Assert.False(agreement.Clash);
    }

    [Fact]
    public void Of_ARangeOfDays_NamesTheDaysBetween()
    {
        Assert.Equal(["thursday", "tuesday", "wednesday"], ObjectKey.Of("I'm at the office Tuesday to Thursday.").Concepts.Where(static c => c.Condition).Select(static c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["friday", "monday", "saturday", "sunday"], ObjectKey.Of("I'm away from Friday through Monday.").Concepts.Where(static c => c.Condition).Select(static c => c.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("I work remote on Mondays and Fridays.", "I'm at the office Tuesday to Thursday and home the other days.")]
    [InlineData("I'm remote on Wednesdays.", "I'm in the office Monday, Tuesday, Thursday and Friday.")]
    public void CompareTo_AScheduleAndItsComplementInTheWorkWeek_SameStance(string a, string b)
    {
        ObjectKey.Agreement agreement = ObjectKey.Of(a).CompareTo(ObjectKey.Of(b));

        Assert.True(agreement.SharedObject, $"{ObjectKey.Of(a)} vs {ObjectKey.Of(b)}");
        Assert.True(agreement.SameStance);
        Assert.False(agreement.Clash);
        Assert.False(agreement.StanceClash);
    }

    [Theory]
    [InlineData("I go to the gym on Mondays and Fridays.", "I go to the gym Tuesday to Thursday.")]
    [InlineData("I work remote on Mondays and Fridays.", "I work remote Tuesday to Thursday.")]
    [InlineData("I work remote on Mondays.", "I'm at the office Tuesday to Thursday.")]
    public void CompareTo_DifferentDaysNotAComplementWithTheOppositeStance_Clash(string a, string b)
    {
        ObjectKey.Agreement agreement = ObjectKey.Of(a).CompareTo(ObjectKey.Of(b));

        Assert.True(agreement.Clash || agreement.StanceClash, $"{ObjectKey.Of(a)} vs {ObjectKey.Of(b)}");
    }

    [Theory]
    [InlineData("Please send me a text rather than calling.", "phone-call", false)]
    [InlineData("I hate calling the bank.", "phone-call", false)]
    [InlineData("Keep my Fridays free of any calls.", "meeting", true)]
    public void Of_CallingIsAPhoneCallWhileCallsAreMeetings(string text, string concept, bool stance)
    {
        ObjectKey key = ObjectKey.Of(text);

        Assert.Equal(stance, key.StanceOn(key.Concepts.Single(c => c.Id == concept)));
    }
}
