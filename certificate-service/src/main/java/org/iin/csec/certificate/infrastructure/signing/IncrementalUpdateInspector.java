package org.iin.csec.certificate.infrastructure.signing;

import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.fields.PdfFormCreator;
import com.itextpdf.forms.fields.PdfFormField;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.annot.PdfWidgetAnnotation;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether the bytes appended to a PDF do nothing but sign one signature field. Every object of the original
 * is compared with what the updated file makes of it, whatever its cross-reference sections say: an object may
 * differ only where signing one field needs it to. New objects are harmless unless an existing object refers to
 * them, and that reference is itself a change that must be allowed.
 */
final class IncrementalUpdateInspector {

    /** Signing fills in the field's value and appearance, locks it and names its page. */
    private static final Set<PdfName> FIELD_MAY_CHANGE =
            Set.of(PdfName.V, PdfName.AP, PdfName.F, PdfName.P, PdfName.MK, PdfName.DA, PdfName.DR);
    /** Signing sets the signature flags and may add default resources for appearances. */
    private static final Set<PdfName> ACRO_FORM_MAY_CHANGE =
            Set.of(PdfName.SigFlags, PdfName.DR, PdfName.DA, PdfName.NeedAppearances);
    /** Signing may declare the PAdES extension, add validation data, update the XMP metadata. */
    private static final Set<PdfName> CATALOG_MAY_CHANGE =
            Set.of(PdfName.Extensions, PdfName.DSS, PdfName.Metadata);

    private IncrementalUpdateInspector() {
    }

    /**
     * Describes the first change other than signing field {@code fieldName}, if there is one.
     *
     * @param original the file as it was prepared; {@code updated} begins with it
     */
    static Optional<String> changeOtherThanSigning(byte[] original, byte[] updated, String fieldName)
            throws IOException {
        try (PdfDocument before = SignatureVerifier.open(original, original.length);
             PdfDocument after = SignatureVerifier.open(updated, updated.length)) {
            if (after.getReader().hasRebuiltXref()) {
                return Optional.of("its cross-reference table is damaged");
            }
            if (after.getTrailer().get(PdfName.Encrypt) != null) {
                return Optional.of("it was encrypted");
            }
            int catalog = objectNumber(before.getTrailer().get(PdfName.Root, false));
            if (objectNumber(after.getTrailer().get(PdfName.Root, false)) != catalog) {
                return Optional.of("its document catalog was replaced");
            }
            PdfDictionary originalCatalog = before.getCatalog().getPdfObject();
            int info = objectNumber(before.getTrailer().get(PdfName.Info, false));
            int metadata = objectNumber(originalCatalog.get(PdfName.Metadata, false));
            int acroForm = objectNumber(originalCatalog.get(PdfName.AcroForm, false));
            Set<Integer> field = fieldObjects(before, fieldName);

            for (int number = 1; number < before.getNumberOfPdfObjects(); number++) {
                PdfObject was = before.getPdfObject(number);
                if (was == null || number == info || number == metadata) {
                    continue;
                }
                PdfObject is = after.getPdfObject(number);
                Set<PdfName> mayChange = number == catalog ? CATALOG_MAY_CHANGE
                        : number == acroForm ? ACRO_FORM_MAY_CHANGE
                        : field.contains(number) ? FIELD_MAY_CHANGE
                        : Set.of();
                Optional<String> change = changeOutside(was, is, mayChange);
                if (change.isPresent()) {
                    return Optional.of("object " + number + " (" + describe(was) + ") changed: " + change.get());
                }
            }
            return Optional.empty();
        }
    }

    /** The first difference between the two versions of an object, ignoring the dictionary keys allowed to change. */
    private static Optional<String> changeOutside(PdfObject was, PdfObject is, Set<PdfName> mayChange) {
        if (mayChange.isEmpty() || !(was instanceof PdfDictionary before) || was instanceof PdfStream
                || !(is instanceof PdfDictionary after) || is instanceof PdfStream) {
            return same(was, is) ? Optional.empty() : Optional.of("its content differs");
        }
        Set<PdfName> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (PdfName key : keys) {
            if (!mayChange.contains(key) && !same(before.get(key, false), after.get(key, false))) {
                return Optional.of("entry " + key);
            }
        }
        return Optional.empty();
    }

    /** Structural equality; references are compared by object number, the objects they point to on their own. */
    private static boolean same(PdfObject a, PdfObject b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getType() != b.getType()) {
            return false;
        }
        if (a instanceof PdfIndirectReference ra) {
            PdfIndirectReference rb = (PdfIndirectReference) b;
            return ra.getObjNumber() == rb.getObjNumber() && ra.getGenNumber() == rb.getGenNumber();
        }
        if (a instanceof PdfStream sa) {
            return sameEntries(sa, (PdfStream) b) && Arrays.equals(sa.getBytes(false), ((PdfStream) b).getBytes(false));
        }
        if (a instanceof PdfDictionary da) {
            return sameEntries(da, (PdfDictionary) b);
        }
        if (a instanceof PdfArray aa) {
            PdfArray ab = (PdfArray) b;
            if (aa.size() != ab.size()) {
                return false;
            }
            for (int i = 0; i < aa.size(); i++) {
                if (!same(aa.get(i, false), ab.get(i, false))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof PdfString sa) {
            return Arrays.equals(sa.getValueBytes(), ((PdfString) b).getValueBytes());
        }
        return a.equals(b);
    }

    private static boolean sameEntries(PdfDictionary a, PdfDictionary b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (PdfName key : a.keySet()) {
            if (!same(a.get(key, false), b.get(key, false))) {
                return false;
            }
        }
        return true;
    }

    private static Set<Integer> fieldObjects(PdfDocument document, String fieldName) {
        Set<Integer> numbers = new HashSet<>();
        PdfAcroForm form = PdfFormCreator.getAcroForm(document, false);
        PdfFormField field = form == null ? null : form.getField(fieldName);
        if (field == null) {
            return numbers;
        }
        numbers.add(objectNumber(field.getPdfObject().getIndirectReference()));
        for (PdfWidgetAnnotation widget : field.getWidgets()) {
            numbers.add(objectNumber(widget.getPdfObject().getIndirectReference()));
        }
        return numbers;
    }

    private static int objectNumber(PdfObject reference) {
        return reference instanceof PdfIndirectReference indirect ? indirect.getObjNumber() : -1;
    }

    private static String describe(PdfObject object) {
        if (object instanceof PdfDictionary dictionary) {
            PdfName type = dictionary.getAsName(PdfName.Type);
            if (type != null) {
                return type.getValue();
            }
            if (dictionary.containsKey(PdfName.FT)) {
                return "form field";
            }
            return object instanceof PdfStream ? "stream" : "dictionary";
        }
        return object.getClass().getSimpleName();
    }
}
