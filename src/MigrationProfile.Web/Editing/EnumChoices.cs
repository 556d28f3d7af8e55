using Microsoft.AspNetCore.Mvc.Rendering;

namespace MigrationProfile.Web.Editing;

public static class EnumChoices
{
    /// <summary>Every value of a fixed category as a select option: the value's name posted, its title (DisplayText) shown.</summary>
    public static IReadOnlyList<SelectListItem> Of<TEnum>(Func<TEnum, string> title) where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(value => new SelectListItem(title(value), value.ToString()))];
}
