"""The words that depend on the regulations a plan is prepared under: the representation form's co-operation
question and the statement of consultation.

Plans on the 2012 regulations speak of the duty to co-operate and of Regulation 20 representations; plans on the
2026 regulations speak of maintaining effective co-operation. `for_plan` is the one place that reads the plan's
route: the form, the pages and the statement take their wording from what it returns."""

from dataclasses import dataclass

from engage.vocab import PlanRoute


@dataclass(frozen=True)
class Wording:
    regulations: str  # the regulations' full title
    basis: str  # the sentence saying what the statement is prepared under
    cooperation_ask: str  # the question on the representation form, as the respondent is asked it
    cooperation_question: str  # the same question, as a row label
    cooperation_short: str  # the same, as a column heading
    duly_made: str  # what a duly made representation is at the publication stage
    none_made: str  # the statement required when there were none at the publication stage
    annex_note: str  # what the annex of full representations is

    def duly_made_label(self, publication: bool) -> str:
        """What a duly made representation is at a stage: the publication stage's own words, or plain ones."""
        return self.duly_made if publication else EARLY_DULY_MADE

    def none_statement(self, publication: bool) -> str:
        return self.none_made if publication else EARLY_NONE_MADE


# Earlier stages (Regulation 18 rounds, scoping) under either route: no regulation defines their representations.
EARLY_DULY_MADE = "received by the closing time and not withdrawn"
EARLY_NONE_MADE = "No representations were received at this stage."

LEGACY = Wording(
    regulations="Town and Country Planning (Local Planning) (England) Regulations 2012",
    basis="This statement is prepared under Regulation 22(1)(c) of the Town and Country Planning (Local Planning) "
    "(England) Regulations 2012. It sets out, for each consultation stage in turn, which bodies and persons were "
    "invited to make representations, how they were invited, the main issues raised and how they have been taken "
    "into account, and the number of representations made and their main issues.",
    cooperation_ask="Do you think the plan complies with the duty to co-operate?",
    cooperation_question="Complies with the duty to co-operate",
    cooperation_short="Duty to co-operate",
    duly_made="representations made in accordance with Regulation 20",
    none_made="No representations were made in accordance with Regulation 20 at this stage.",
    annex_note="Every representation made, in full, as Regulation 22(1)(d) requires, by consultation and reference.",
)
NEW = Wording(
    regulations="Town and Country Planning (Local Planning) (England) Regulations 2026",
    basis="This statement is prepared under the Town and Country Planning (Local Planning) (England) Regulations "
    "2026. It sets out, for each consultation stage in turn, which bodies and persons were invited to make "
    "representations, how they were invited, the main issues raised and how they have been taken into account, "
    "and the number of representations made and their main issues.",
    cooperation_ask="Do you think effective co-operation has been maintained in preparing the plan?",
    cooperation_question="Shows effective co-operation has been maintained",
    cooperation_short="Maintaining effective co-operation",
    duly_made=EARLY_DULY_MADE,
    none_made="No duly made representations were received at this stage.",
    annex_note="Every representation made, in full, by consultation and reference.",
)


def for_plan(plan) -> Wording:
    """The wording for a plan's route; a consultation outside any plan reads as the 2012 regulations."""
    return NEW if plan is not None and plan.route == PlanRoute.NEW else LEGACY
