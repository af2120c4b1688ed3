"""Rebuild medical_terms.tsv and english_words.txt: python stt/data/build_vocab.py PRIMOCK57_DIR (needs wordfreq==3.1.1)."""
import csv, sys
from pathlib import Path
out = Path(__file__).resolve().parent
rows = {}
src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/primock57") / "medical_terms_categories.tsv"
misspelled = {"paracetemol", "thyrocsin"}
for r in csv.DictReader(src.open(), delimiter="\t"):
    if r["category"] != "asr_variant" and r["term"] not in misspelled:
        rows[r["term"]] = (r["category"], "primock57")
curated = {
 # The last lines of drugs and of signs are the medicines and the farm and house poisons that intake/red_flags.json
 # names: tiny.en spells a brand or a chemical by ear ("Bremoxone"), and the corrector restores only a term it knows.
 "drugs": """paracetamol acetaminophen amoxicillin ampicillin ibuprofen diclofenac amlodipine lisinopril losartan nifedipine
 hydrochlorothiazide metformin glibenclamide insulin artemether lumefantrine artesunate coartem chloroquine quinine ciprofloxacin
 metronidazole flagyl cotrimoxazole septrin doxycycline azithromycin ceftriaxone augmentin erythromycin gentamicin cefuroxime
 cefalexin ranitidine antacid salbutamol dexamethasone hydrocortisone cetirizine chlorpheniramine promethazine zinc albendazole
 mebendazole praziquantel ivermectin atenolol atorvastatin simvastatin warfarin tramadol morphine diazepam phenobarbital
 carbamazepine phenytoin tenofovir lamivudine dolutegravir efavirenz isoniazid rifampicin ethambutol pyrazinamide fluconazole
 clotrimazole nystatin oxytocin misoprostol sulfadoxine pyrimethamine fansidar dihydroartemisinin piperaquine mefenamic
 buscopan hyoscine loperamide calpol crocin biogesic neozep solmux ascorbic multivitamin antimalarial antimalarials
 adrenaline epinephrine epipen naproxen penicillin amoxiclav clavulanate levothyroxine enalapril captopril propranolol
 furosemide spironolactone glimepiride gliclazide pantoprazole esomeprazole domperidone ondansetron metoclopramide
 montelukast budesonide fluticasone cough syrup ors
 alprazolam xanax oxycodone fentanyl methadone codeine amitriptyline citalopram sertraline fluoxetine mirtazapine digoxin
 temazepam zopiclone pregabalin gabapentin quetiapine olanzapine""",
 "conditions": """malaria typhoid tuberculosis pneumonia cholera dengue measles meningitis hepatitis stroke sepsis anemia jaundice
 dysentery appendicitis ulcer hernia eclampsia preeclampsia miscarriage haemorrhage hemorrhage fracture concussion cellulitis
 conjunctivitis tonsillitis bronchitis sinusitis gout chickenpox mumps rabies tetanus scabies ringworm psoriasis urticaria
 anaphylaxis dehydration hypoglycaemia hypoglycemia hyperglycaemia hyperglycemia angina arrhythmia influenza flu covid
 leptospirosis schistosomiasis malnutrition abscess seizure seizures convulsion convulsions epileptic pregnancy pregnant
 infarction stroke overdose poisoning allergic""",
 "symptoms": """headache vomiting nausea dizziness rash itching swelling bleeding wheezing shortness seizure fainting fainted
 unconscious confusion confused tingling weakness chills sweating pus catarrh stooling purging cramps bloating heartburn
 indigestion vertigo blurred breathless choking gasping drowsy floppy lethargy diarrhoea fever fevers temperature sputum
 mucus blisters bruising bruise wound burn burns bleed bleeding cough coughing chest pain pains ache aches aching""",
 "anatomy": """abdomen chest stomach kidney liver lungs lung heart throat tongue lips mouth neck spine ribs pelvis groin
 uterus womb vagina bladder bowel rectum skull wrist ankle knee hip elbow shoulder forearm thigh nostril eyelid gums""",
 "clinical": """pulse breathing breaths temperature blood pressure injection drip tablets tablet capsule syrup dose milligrams
 prescription pharmacy hospital clinic ambulance paramedic nurse doctor""",
 # Word families of SAFETY.md's red flags, so a near-miss non-word ("convolcing") is corrected to one; never
 # lent by a primed decode and not counted as key terms (stt/lexicon.py: SIGNS).
 "signs": """breathe breathes breathed unresponsive unconsciousness convulsing convulsed convulse seizing twitching
jerking fitting collapsed collapsing poison poisoned poisonous pesticide kerosene bleach overdosed stabbed stabbing
scalded drowned drowning choked choke suffocating suicide suicidal paralysed paralyzed slurred
slurring droopy drooping crushing haemorrhaging hemorrhaging
paraquat gramoxone organophosphate organophosphates insecticide herbicide weedkiller rodenticide antifreeze""",
}
for cat, words in curated.items():
    for w in words.split():
        rows.setdefault(w, (cat, "curated"))
with (out / "medical_terms.tsv").open("w") as f:
    f.write("term\tcategory\tsource\n")
    for term, (cat, source) in sorted(rows.items()):
        f.write(f"{term}\t{cat}\t{source}\n")
print(
    len(rows), "terms")
from wordfreq import top_n_list, zipf_frequency
words = [w for w in top_n_list("en", 200000) if w.isalpha() and w.isascii() and zipf_frequency(w, "en") >= 2.0]
(out / "english_words.txt").write_text("\n".join(words) + "\n")
print(
    len(words), "english words")
