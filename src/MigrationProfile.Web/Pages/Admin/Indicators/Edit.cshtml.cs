using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Admin.Indicators;

/// <summary>Adds (no id) or edits one indicator. An indicator figures still use cannot be deleted.</summary>
public class EditModel(AppDbContext db) : ContentEditPageModel<EditModel.IndicatorInput>
{
    public int? IndicatorId { get; private set; }

    /// <summary>The indicator whose code the editor typed again.</summary>
    public int? DuplicateOfId { get; private set; }

    public DeleteItem? DeleteSection => IndicatorId is int id
        ? new("indicator", $"/admin/indicators/edit/{id}?handler=delete", Input.Version, nameof(IndicatorDefinition), id, DeleteItem.WhenUnused, DeleteRefusal)
        : null;

    public IReadOnlyList<SelectListItem> PanelChoices => EnumChoices.Of<IndicatorPanel>(value => Text[DisplayText.PanelTitle(value)]);

    public IReadOnlyList<SelectListItem> ValueKindChoices => EnumChoices.Of<ValueKind>(value => Text[DisplayText.ValueKindTitle(value)]);

    public sealed class IndicatorInput : IVersionedInput
    {
        [Required(ErrorMessage = "Enter a code for the indicator.")]
        [StringLength(FieldLimits.Slug, ErrorMessage = "Keep the code under {1} characters.")]
        [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$",
            ErrorMessage = "Write the code in lower-case letters, digits and single hyphens between words, e.g. working-age-population.")]
        [Display(Name = "Code")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Enter the indicator's name.")]
        [StringLength(FieldLimits.Name, ErrorMessage = "Keep the name under {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Choose the panel the indicator is shown in.")]
        [EnumDataType(typeof(IndicatorPanel), ErrorMessage = "Choose one of the panels in the list.")]
        [Display(Name = "Panel")]
        public IndicatorPanel? Panel { get; set; }

        [Required(ErrorMessage = "Choose the kind of value the indicator's figures hold.")]
        [EnumDataType(typeof(ValueKind), ErrorMessage = "Choose one of the kinds in the list.")]
        [Display(Name = "Kind of value")]
        public ValueKind? ValueKind { get; set; }

        [StringLength(FieldLimits.ShortName, ErrorMessage = "Keep the unit under {1} characters.")]
        [Display(Name = "Unit (optional)")]
        public string? Unit { get; set; }

        [StringLength(FieldLimits.Note, ErrorMessage = "Keep the description under {1} characters.")]
        [Display(Name = "Description (optional)")]
        public string? Description { get; set; }

        [StringLength(FieldLimits.Note, ErrorMessage = "Keep the note under {1} characters.")]
        [Display(Name = "Reconciliation note (optional)")]
        public string? ReconciliationNote { get; set; }

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, IndicatorPanel? panel, CancellationToken cancellationToken)
    {
        var indicator = id is null ? null : await db.IndicatorDefinitions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (id is not null && indicator is null)
        {
            return NotFound();
        }
        if (indicator is null)
        {
            Input.Panel = panel;
        }
        else
        {
            Show(indicator);
            await ShowTranslationsAsync(db, indicator, indicator.Id, null, cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var indicator = id is null ? null : await db.IndicatorDefinitions.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        IndicatorId = indicator?.Id;
        if (id is not null && indicator is null)
        {
            return DeletedMeanwhile();
        }
        if (indicator is not null)
        {
            await ShowTranslationsAsync(db, indicator, indicator.Id, null, cancellationToken);
        }
        var code = Input.Code?.Trim() ?? "";
        (string Field, string Message) duplicate = ("Input.Code", Text["Another indicator already has the code {0}. Choose another code, or edit that indicator.", code].Value);
        DuplicateOfId = await db.IndicatorDefinitions
            .Where(i => i.Code == code && i.Id != (id ?? 0))
            .Select(i => (int?)i.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (DuplicateOfId is not null)
        {
            ModelState.AddModelError(duplicate.Field, duplicate.Message);
        }
        if (indicator is not null && Input.ValueKind is ValueKind kind && kind != indicator.ValueKind)
        {
            // Figures are stored as the kind says (number, yes/no or text): changing it would misread them.
            var figures = await db.Observations.CountAsync(o => o.IndicatorId == indicator.Id, cancellationToken);
            if (figures > 0)
            {
                ModelState.AddModelError("Input.ValueKind", Text.Plural(figures,
                    "{1} has {0} figure stored as {2}: the kind of value can change only while no figure uses the indicator.",
                    "{1} has {0} figures stored as {2}: the kind of value can change only while no figure uses the indicator.",
                    indicator.Name, Text[DisplayText.ValueKindTitle(indicator.ValueKind)].Value));
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var panel = Input.Panel!.Value;
        indicator = ToSave(db, indicator, () => new IndicatorDefinition { Code = "", Name = "" });
        if (indicator.Id == 0 || indicator.Panel != panel)
        {
            // A new indicator, or one moved to another panel, goes last in its panel.
            indicator.SortOrder = await Reordering.NextPositionAsync(db.IndicatorDefinitions.Where(i => i.Panel == panel), cancellationToken);
        }
        indicator.Code = code;
        indicator.Name = Input.Name.Trim();
        indicator.Panel = panel;
        indicator.ValueKind = Input.ValueKind!.Value;
        indicator.Unit = InputText.OrNull(Input.Unit);
        indicator.Description = InputText.OrNull(Input.Description);
        indicator.ReconciliationNote = InputText.OrNull(Input.ReconciliationNote);
        if (!StageTranslations(db, indicator))
        {
            return Page();
        }

        var outcome = await ContentSaving.SaveAsync(db, indicator, cancellationToken);
        return await SavedOrExplainedAsync(db, outcome, indicator, Text["Saved the indicator {0}. Every profile shows the change now.", indicator.Name].Value,
            $"/admin/indicators#indicator-{indicator.Id}", cancellationToken, duplicate);
    }

    /// <summary>Refused, with the number of figures, while any figure uses the indicator.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var indicator = await db.IndicatorDefinitions.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }
        var figures = await db.Observations.CountAsync(o => o.IndicatorId == id, cancellationToken);
        var outcome = await ContentDeleting.DeleteUnusedAsync(db, indicator, Input.Version, figures, cancellationToken);
        Show(indicator);
        return DeletedOrExplained(outcome, "indicator", Text["Deleted the indicator {0}.", indicator.Name].Value, "/admin/indicators",
            ContentDeleting.InUseReason(Text, indicator.Name, figures));
    }

    private void Show(IndicatorDefinition indicator)
    {
        IndicatorId = indicator.Id;
        Input = new IndicatorInput
        {
            Code = indicator.Code,
            Name = indicator.Name,
            Panel = indicator.Panel,
            ValueKind = indicator.ValueKind,
            Unit = indicator.Unit,
            Description = indicator.Description,
            ReconciliationNote = indicator.ReconciliationNote,
            Version = indicator.Version,
        };
    }
}
