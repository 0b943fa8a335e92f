//! Intensity in a comparison of three or more accounts (`compare A B C ...
//! --intensity`): the two-account reading, per account and per pair. Every
//! claim gets its level, each matrix cell its account's strongest level on
//! the topic, and each pair of accounts the note on paired claims of one
//! stance worded two or more levels apart. Verdicts are left as they are.

use super::report::{OwnVoice, gap, measure_claim, strongest};
use crate::nway::NwayReport;

/// Adds intensity to every claim, matrix cell and claim pair of `report`.
pub fn annotate(report: &mut NwayReport) {
    for c in report.account_claims.iter_mut().flatten() {
        measure_claim(c);
    }
    let voices: Vec<OwnVoice> = report
        .accounts
        .iter()
        .map(|a| OwnVoice::of(&a.side))
        .collect();
    let mut topics = std::mem::take(&mut report.topics);
    for t in &mut topics {
        for (a, cell) in t.accounts.iter_mut().enumerate() {
            let claims = cell.claims.iter().filter_map(|id| report.claim(a, id));
            cell.intensity = Some(strongest(claims, &voices[a]));
        }
        for p in &mut t.pairs {
            let [i, j] = p.accounts;
            // As in `compare A B`: the note names the accounts' sides.
            let names = [
                report.accounts[i].side.clone(),
                report.accounts[j].side.clone(),
            ];
            for c in &mut p.pairs {
                if let (Some(x), Some(y)) = (report.claim(i, &c.left), report.claim(j, &c.right)) {
                    c.intensity_gap = gap(x, y, &names);
                }
            }
        }
    }
    report.topics = topics;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Limits, load_str};

    fn report(accounts: &[(&str, &str)]) -> NwayReport {
        let limits = Limits::default();
        let readouts: Vec<_> = accounts
            .iter()
            .map(|(file, y)| load_str(file, y, &limits).expect("valid"))
            .collect();
        let mut r = crate::nway::compare_all(&readouts, &crate::Taxonomy::built_in());
        annotate(&mut r);
        r
    }

    const PEOPLE: &str =
        "participants:\n  - {name: Austin, side: United States}\n  - {name: Dong, side: China}\n";

    #[test]
    fn each_cell_has_its_accounts_strongest_own_wording() {
        let us = format!(
            "source: {{side: United States}}\n{PEOPLE}claims:\n  - {{id: us-1, text: Austin noted North Korea's missile launches.}}\n"
        );
        // China's account reports what Austin said: not China's own wording.
        let cn = format!(
            "source: {{side: China}}\n{PEOPLE}claims:\n  - {{id: cn-1, text: Austin said the United States firmly opposes North Korea's missile launches.}}\n"
        );
        // The press has no voice of its own: what it reports counts.
        let press = format!(
            "source: {{side: Press}}\n{PEOPLE}claims:\n  - {{id: pr-1, text: Dong warned that China will not tolerate North Korea's missile launches.}}\n"
        );
        let r = report(&[("us.yaml", &us), ("cn.yaml", &cn), ("press.yaml", &press)]);
        let t = &r.topics[0];
        let level = |a: usize| {
            t.accounts[a]
                .intensity
                .as_ref()
                .expect("annotated")
                .as_ref()
                .map(|s| (s.claim.as_str(), s.name.as_str()))
        };
        assert_eq!(level(0), Some(("us-1", "notes")));
        assert_eq!(level(1), None);
        assert_eq!(level(2), Some(("pr-1", "warns")));
        let claim = r.claim(2, "pr-1").expect("claim");
        assert_eq!(claim.intensity.as_ref().map(|i| i.level), Some(6));
    }
}
