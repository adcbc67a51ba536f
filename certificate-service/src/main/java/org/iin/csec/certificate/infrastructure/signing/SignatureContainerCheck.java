package org.iin.csec.certificate.infrastructure.signing;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Checks the parts of a CMS signature container that its own signature does not cover. The signature protects
 * the signed attributes (and through them the document digest and the signer's certificate); the rest of the
 * container (the digest algorithm list, the content type, version numbers, other certificates, unsigned
 * attributes) could be edited without breaking it. Here each such part must have the one value a correct
 * container has, or carry its own valid signature, so that a changed byte there is noticed too.
 * <p>
 * What this cannot check: a certificate of the chain whose issuer is not in the container, and the inside of a
 * time-stamp token's own container, beyond its signature. It also repeats the cryptographic verification with
 * BouncyCastle, as the signature algorithm the container declares is otherwise not checked.
 */
final class SignatureContainerCheck {

    private SignatureContainerCheck() {
    }

    /**
     * @param container     the CMS ContentInfo, without padding
     * @param signedContent the bytes the signature covers
     */
    static boolean wellFormed(byte[] container, byte[] signedContent) {
        try {
            ASN1Primitive parsed = ASN1Primitive.fromByteArray(container);
            if (!Arrays.equals(parsed.getEncoded(), container)) {
                return false;
            }
            ASN1Sequence contentInfo = ASN1Sequence.getInstance(parsed);
            if (contentInfo.size() != 2
                    || !CMSObjectIdentifiers.signedData.equals(ContentInfo.getInstance(parsed).getContentType())
                    || !isExplicitContextTagZero(contentInfo.getObjectAt(1))) {
                return false;
            }
            SignedData signedData = SignedData.getInstance(ContentInfo.getInstance(parsed).getContent());
            if (signedData.getSignerInfos().size() != 1) {
                return false;
            }
            ASN1Sequence signerSequence = ASN1Sequence.getInstance(signedData.getSignerInfos().getObjectAt(0));
            SignerInfo signerInfo = SignerInfo.getInstance(signerSequence);
            return attributeTagsAreRight(signerSequence)
                    && parametersAreNullOrAbsent(signerInfo.getDigestAlgorithm())
                    && parametersAreNullOrAbsent(signerInfo.getDigestEncryptionAlgorithm())
                    && digestAlgorithmsNameOnlyTheSigners(signedData, signerInfo)
                    && isDetachedData(signedData.getEncapContentInfo())
                    && versionsMatch(signedData, signerInfo)
                    && signedData.getCRLs() == null
                    && everyCertificateVerifies(container)
                    && verifiesAsDeclared(container, signedContent)
                    && unsignedAttributesAreValidTimeStamps(signerInfo);
        } catch (Exception | AssertionError malformed) {
            return false;
        }
    }

    private static boolean isExplicitContextTagZero(ASN1Encodable element) {
        return element instanceof ASN1TaggedObject tagged
                && tagged.getTagClass() == BERTags.CONTEXT_SPECIFIC
                && tagged.getTagNo() == 0
                && tagged.isExplicit();
    }

    /**
     * Signed attributes are tagged [0] and unsigned ones [1]. The signature covers the signed attributes re-tagged
     * as a SET, and parsers do not look at the tag number, so nothing else would notice a changed tag.
     */
    private static boolean attributeTagsAreRight(ASN1Sequence signerInfo) {
        int expectedTag = 0;
        for (ASN1Encodable element : signerInfo) {
            if (element instanceof ASN1TaggedObject tagged) {
                if (tagged.getTagClass() != BERTags.CONTEXT_SPECIFIC || tagged.getTagNo() != expectedTag) {
                    return false;
                }
                expectedTag = 1;
            }
        }
        return true;
    }

    /**
     * Digest and signature algorithms take no parameters (absent or NULL), except RSASSA-PSS, whose parameters
     * the verification uses. Verifiers ignore a NULL's type, so it is checked here.
     */
    private static boolean parametersAreNullOrAbsent(AlgorithmIdentifier algorithm) {
        ASN1Encodable parameters = algorithm.getParameters();
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm.getAlgorithm())) {
            return parameters instanceof ASN1Sequence;
        }
        return parameters == null || DERNull.INSTANCE.equals(parameters.toASN1Primitive());
    }

    /**
     * BouncyCastle's own verification, which uses the signature algorithm the container declares (iText infers it
     * from the digest and the key) and checks the content-type and message-digest attributes.
     */
    private static boolean verifiesAsDeclared(byte[] container, byte[] signedContent) throws Exception {
        CMSSignedData signedData = new CMSSignedData(new CMSProcessableByteArray(signedContent), container);
        SignerInformation signer = signedData.getSignerInfos().getSigners().iterator().next();
        Collection<X509CertificateHolder> certificate = signedData.getCertificates().getMatches(signer.getSID());
        return certificate.size() == 1
                && signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.iterator().next()));
    }

    private static boolean digestAlgorithmsNameOnlyTheSigners(SignedData signedData, SignerInfo signerInfo) {
        ASN1Set digestAlgorithms = signedData.getDigestAlgorithms();
        return digestAlgorithms.size() == 1
                && digestAlgorithms.getObjectAt(0).toASN1Primitive()
                .equals(signerInfo.getDigestAlgorithm().toASN1Primitive());
    }

    private static boolean isDetachedData(ContentInfo encapsulated) {
        return CMSObjectIdentifiers.data.equals(encapsulated.getContentType()) && encapsulated.getContent() == null;
    }

    /** RFC 5652: version 3 for a signer named by subject key identifier, 1 for one named by issuer and serial. */
    private static boolean versionsMatch(SignedData signedData, SignerInfo signerInfo) {
        int expected = signerInfo.getSID().isTagged() ? 3 : 1;
        return signerInfo.getVersion().intValueExact() == expected
                && signedData.getVersion().intValueExact() == expected;
    }

    /**
     * Every certificate whose issuer is in the container (itself, when self-signed) must carry that issuer's
     * valid signature, so none of its bytes can change unnoticed.
     */
    private static boolean everyCertificateVerifies(byte[] container) throws Exception {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509CertificateHolder holder : new CMSSignedData(container).getCertificates().getMatches(null)) {
            certificates.add(converter.getCertificate(holder));
        }
        for (X509Certificate certificate : certificates) {
            for (X509Certificate issuer : certificates) {
                if (issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                    certificate.verify(issuer.getPublicKey());
                }
            }
        }
        return true;
    }

    /** Unsigned attributes may only be signature time-stamp tokens, each signed by its time-stamping authority. */
    private static boolean unsignedAttributesAreValidTimeStamps(SignerInfo signerInfo) throws Exception {
        if (signerInfo.getUnauthenticatedAttributes() == null) {
            return true;
        }
        for (ASN1Encodable element : signerInfo.getUnauthenticatedAttributes()) {
            Attribute attribute = Attribute.getInstance(element);
            if (!PKCSObjectIdentifiers.id_aa_signatureTimeStampToken.equals(attribute.getAttrType())) {
                return false;
            }
            for (ASN1Encodable value : attribute.getAttrValues()) {
                TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(value));
                Collection<X509CertificateHolder> authority = token.getCertificates().getMatches(token.getSID());
                if (authority.isEmpty()) {
                    return false;
                }
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority.iterator().next()));
            }
        }
        return true;
    }
}
