using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MigrationProfile.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportersAndProvenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "hand_edited_at",
                table: "observations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "import_run_id",
                table: "observations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "publisher_updated_on",
                table: "observations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "iso2code",
                table: "countries",
                type: "character(2)",
                fixedLength: true,
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "region",
                table: "countries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "import_run_id",
                table: "change_records",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "import_runs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source_id = table.Column<int>(type: "integer", nullable: false),
                    format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    origin = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    edition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    publisher_updated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    retrieved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    started_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    started_by_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rows_read = table.Column<int>(type: "integer", nullable: false),
                    added = table.Column<int>(type: "integer", nullable: false),
                    changed = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    skipped = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<int>(type: "integer", nullable: false),
                    conflicts_kept = table.Column<int>(type: "integer", nullable: false),
                    migrant_stocks_written = table.Column<int>(type: "integer", nullable: false),
                    problems_json = table.Column<string>(type: "jsonb", nullable: false),
                    skipped_json = table.Column<string>(type: "jsonb", nullable: false),
                    failure_message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_import_runs_sources_source_id",
                        column: x => x.source_id,
                        principalTable: "sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "indicator_mappings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source_id = table.Column<int>(type: "integer", nullable: false),
                    publisher_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    indicator_id = table.Column<int>(type: "integer", nullable: false),
                    series = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    publisher_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    refreshed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_mappings", x => x.id);
                    table.ForeignKey(
                        name: "fk_indicator_mappings_indicator_definitions_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicator_definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_indicator_mappings_sources_source_id",
                        column: x => x.source_id,
                        principalTable: "sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "import_staged_migrant_stocks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    import_run_id = table.Column<int>(type: "integer", nullable: false),
                    edition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    destination_iso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    origin_iso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    persons = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_staged_migrant_stocks", x => x.id);
                    table.ForeignKey(
                        name: "fk_import_staged_migrant_stocks_import_runs_import_run_id",
                        column: x => x.import_run_id,
                        principalTable: "import_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "import_staged_observations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    import_run_id = table.Column<int>(type: "integer", nullable: false),
                    country_id = table.Column<int>(type: "integer", nullable: false),
                    indicator_id = table.Column<int>(type: "integer", nullable: false),
                    source_id = table.Column<int>(type: "integer", nullable: false),
                    series = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    edition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    period_year = table.Column<int>(type: "integer", nullable: false),
                    period_quarter = table.Column<int>(type: "integer", nullable: true),
                    numeric_value = table.Column<decimal>(type: "numeric", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    source_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    location = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_staged_observations", x => x.id);
                    table.ForeignKey(
                        name: "fk_import_staged_observations_import_runs_import_run_id",
                        column: x => x.import_run_id,
                        principalTable: "import_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "migrant_stocks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    edition = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    destination_iso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    origin_iso3 = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    persons = table.Column<long>(type: "bigint", nullable: false),
                    import_run_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_migrant_stocks", x => x.id);
                    table.ForeignKey(
                        name: "fk_migrant_stocks_import_runs_import_run_id",
                        column: x => x.import_run_id,
                        principalTable: "import_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_observations_import_run_id",
                table: "observations",
                column: "import_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_change_records_import_run_id",
                table: "change_records",
                column: "import_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_import_runs_source_id_started_at",
                table: "import_runs",
                columns: new[] { "source_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_import_runs_started_at",
                table: "import_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_import_staged_migrant_stocks_import_run_id",
                table: "import_staged_migrant_stocks",
                column: "import_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_import_staged_observations_import_run_id_country_id_indicat",
                table: "import_staged_observations",
                columns: new[] { "import_run_id", "country_id", "indicator_id", "source_id", "series", "edition", "period_year", "period_quarter" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_indicator_mappings_indicator_id",
                table: "indicator_mappings",
                column: "indicator_id");

            migrationBuilder.CreateIndex(
                name: "ix_indicator_mappings_source_id_publisher_code",
                table: "indicator_mappings",
                columns: new[] { "source_id", "publisher_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_migrant_stocks_edition_year_destination_iso3_origin_iso3_sex",
                table: "migrant_stocks",
                columns: new[] { "edition", "year", "destination_iso3", "origin_iso3", "sex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_migrant_stocks_import_run_id",
                table: "migrant_stocks",
                column: "import_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_migrant_stocks_origin_iso3_edition_year",
                table: "migrant_stocks",
                columns: new[] { "origin_iso3", "edition", "year" });

            migrationBuilder.AddForeignKey(
                name: "fk_observations_import_runs_import_run_id",
                table: "observations",
                column: "import_run_id",
                principalTable: "import_runs",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_observations_import_runs_import_run_id",
                table: "observations");

            migrationBuilder.DropTable(
                name: "import_staged_migrant_stocks");

            migrationBuilder.DropTable(
                name: "import_staged_observations");

            migrationBuilder.DropTable(
                name: "indicator_mappings");

            migrationBuilder.DropTable(
                name: "migrant_stocks");

            migrationBuilder.DropTable(
                name: "import_runs");

            migrationBuilder.DropIndex(
                name: "ix_observations_import_run_id",
                table: "observations");

            migrationBuilder.DropIndex(
                name: "ix_change_records_import_run_id",
                table: "change_records");

            migrationBuilder.DropColumn(
                name: "hand_edited_at",
                table: "observations");

            migrationBuilder.DropColumn(
                name: "import_run_id",
                table: "observations");

            migrationBuilder.DropColumn(
                name: "publisher_updated_on",
                table: "observations");

            migrationBuilder.DropColumn(
                name: "iso2code",
                table: "countries");

            migrationBuilder.DropColumn(
                name: "region",
                table: "countries");

            migrationBuilder.DropColumn(
                name: "import_run_id",
                table: "change_records");
        }
    }
}
