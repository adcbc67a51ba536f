package org.iin.csec.certificate.interfaces.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The short public address printed on certificates and encoded in their QR codes, {@code /verify/{code}}: the
 * same answer as {@code /api/v1/verify/{code}}, which it forwards to. Anything but the code's own symbols is
 * dropped from the forwarded path, so what reaches the API is always a code to check (or plainly not one).
 */
@WebServlet(urlPatterns = "/verify/*")
public class VerifyAddress extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String code = path.replaceFirst("^/", "").replace(" ", "");
        if (!code.matches("[A-Za-z0-9-]{1,64}")) {
            code = "-";
        }
        request.getRequestDispatcher("/api/v1/verify/" + code).forward(request, response);
    }
}
