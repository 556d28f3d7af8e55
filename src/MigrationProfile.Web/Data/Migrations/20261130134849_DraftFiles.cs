using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationProfile.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DraftFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "file_id",
                table: "content_drafts",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_content_drafts_file_id",
                table: "content_drafts",
                column: "file_id");

            migrationBuilder.AddForeignKey(
                name: "fk_content_drafts_stored_files_file_id",
                table: "content_drafts",
                column: "file_id",
                principalTable: "stored_files",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Drafts written before drafts held files keep the file their published item has.
            migrationBuilder.Sql("""
                UPDATE content_drafts d SET file_id = p.file_id
                FROM publications p WHERE d.kind = 'Publication' AND d.item_id = p.id;
                UPDATE content_drafts d SET file_id = p.file_id
                FROM policy_documents p WHERE d.kind = 'PolicyDocument' AND d.item_id = p.id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_content_drafts_stored_files_file_id",
                table: "content_drafts");

            migrationBuilder.DropIndex(
                name: "ix_content_drafts_file_id",
                table: "content_drafts");

            migrationBuilder.DropColumn(
                name: "file_id",
                table: "content_drafts");
        }
    }
}
